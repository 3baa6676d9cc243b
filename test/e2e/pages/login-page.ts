import { AppPage } from './app-page.js';

/** The login form of a server with accounts. */
export class LoginModel extends AppPage {
  async waitForForm(): Promise<void> {
    await this.page
      .getByRole('heading', { name: /Log in to calcwise|Create a calcwise account/ })
      .waitFor();
  }

  async register(username: string, password: string): Promise<void> {
    await this.waitForForm();
    await this.page.getByRole('button', { name: 'New here? Create an account' }).click();
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Create account' }).click();
    await this.page.getByText(`Logged in as ${username}`).waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.waitForForm();
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await this.waitForForm();
  }
}
