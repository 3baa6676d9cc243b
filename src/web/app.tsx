import { useEffect, useRef, useState } from 'react';
import { PageErrorBoundary } from './components/error-boundary.js';
import { Layout, type Account } from './components/layout.js';
import { Loading } from './components/status.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { DiaryPage } from './pages/diary-page.js';
import { EvidencePage } from './pages/evidence-page.js';
import { FoodPage, TopFoodsPage } from './pages/food-page.js';
import { LabsPage } from './pages/labs-page.js';
import { LoginPage } from './pages/login-page.js';
import { MyFoodsPage } from './pages/my-foods-page.js';
import { RecipesPage } from './pages/recipes-page.js';
import { PlanPage } from './pages/plan-page.js';
import { ProfilePage } from './pages/profile-page.js';
import { ReportPage } from './pages/report-page.js';
import { SharedReportPage } from './pages/shared-report-page.js';
import { api, ApiError } from './api.js';
import { navigate, useRoute, type Route } from './router.js';
import { SESSION_ENDED_EVENT, setCsrfToken } from './session.js';

const TITLES: Record<string, string> = {
  dashboard: 'Dashboard',
  diary: 'Diary',
  foods: 'Foods',
  food: 'Food',
  top: 'Top foods',
  'my-foods': 'My foods',
  recipes: 'Recipes',
  labs: 'Labs',
  plan: 'Plan',
  evidence: 'Evidence',
  report: 'Report',
  profile: 'Profile',
  share: 'Shared report',
};

function Page({ route, noProfile }: { route: Route; noProfile: boolean }) {
  switch (route.page) {
    case 'diary':
      return <DiaryPage initialDate={route.param} />;
    case 'foods':
      return <FoodPage id={undefined} />;
    case 'food':
      return <FoodPage id={route.param} />;
    case 'top':
      return (
        <TopFoodsPage
          nutrient={route.param ?? 'vitamin-k2'}
          per={route.query.get('per') ?? '100g'}
          pattern={route.query.get('pattern') ?? ''}
        />
      );
    case 'my-foods':
      return <MyFoodsPage />;
    case 'recipes':
      return <RecipesPage />;
    case 'labs':
      return <LabsPage />;
    case 'plan':
      return <PlanPage planId={route.param} />;
    case 'evidence':
      return <EvidencePage />;
    case 'report':
      return <ReportPage />;
    case 'profile':
      return <ProfilePage knownMissing={noProfile} />;
    default:
      return <DashboardPage />;
  }
}

type Auth =
  | { state: 'checking' }
  | { state: 'local' }
  | { state: 'signed-in'; username: string }
  | { state: 'signed-out' };

/**
 * Who is using the app: in local mode (the default) nobody logs in; on a server with accounts
 * the login form comes first, and again whenever the server says the session has ended.
 */
export function App() {
  const route = useRoute();
  const [auth, setAuth] = useState<Auth>({ state: 'checking' });
  useEffect(() => {
    api.me().then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setAuth(
          me.accounts
            ? { state: 'signed-in', username: me.user.username ?? '' }
            : { state: 'local' },
        );
      },
      (error: unknown) => {
        // A server from before accounts has no /api/auth/me: it is a local one.
        if (error instanceof ApiError && error.status === 401) setAuth({ state: 'signed-out' });
        else setAuth({ state: 'local' });
      },
    );
    const ended = () => setAuth({ state: 'signed-out' });
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, []);

  // A share link: the report it opens, outside the app (no navigation, nothing to edit, no login:
  // the link's token is what opens it).
  if (route.page === 'share') {
    return (
      <PageErrorBoundary key={route.param ?? ''} page="Shared report">
        <SharedReportPage token={route.param ?? ''} />
      </PageErrorBoundary>
    );
  }
  if (auth.state === 'checking') return <Loading what="calcwise" />;
  if (auth.state === 'signed-out') {
    return (
      <LoginPage
        onSignedIn={(session) => {
          setCsrfToken(session.csrfToken);
          setAuth({ state: 'signed-in', username: session.username });
        }}
      />
    );
  }
  const account =
    auth.state === 'signed-in'
      ? {
          username: auth.username,
          logout: async () => {
            await api.logout().catch(() => undefined);
            setCsrfToken(undefined);
            setAuth({ state: 'signed-out' });
          },
        }
      : undefined;
  return <Shell account={account} />;
}

function Shell({ account }: { account: Account | undefined }) {
  const route = useRoute();
  const page = TITLES[route.page] ? route.page : 'dashboard';
  const first = useRef(true);
  // First visit to the start page: ask once whether a profile exists before showing anything,
  // so that a new person goes straight to onboarding and no page asks the server for data that
  // cannot exist yet (each such request is a 404 in the console).
  const [profileCheck, setProfileCheck] = useState<'pending' | 'missing' | 'done'>(
    route.page === '' ? 'pending' : 'done',
  );
  useEffect(() => {
    document.title = `${TITLES[page] ?? 'calcwise'} · calcwise`;
    // After navigation, move focus to the page so screen readers announce it.
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
  }, [page, route.param]);
  useEffect(() => {
    // Once onboarding is left, the profile page asks the server again like every other page.
    if (profileCheck === 'missing' && route.page !== '' && route.page !== 'profile') {
      setProfileCheck('done');
    }
  }, [route.page, profileCheck]);
  useEffect(() => {
    // First visit: with no profile stored, onboarding comes before anything else.
    if (route.page !== '') return;
    api.getProfile().then(
      () => setProfileCheck('done'),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) {
          setProfileCheck('missing');
          navigate('profile');
        } else setProfileCheck('done');
      },
    );
    // Only on the first render.
  }, []);
  const nav = page === 'food' || page === 'top' ? 'foods' : page;
  return (
    <Layout current={nav} account={account}>
      <PageErrorBoundary
        key={`${route.page}/${route.param ?? ''}`}
        page={TITLES[page] ?? 'calcwise'}
      >
        {profileCheck === 'pending' || (profileCheck === 'missing' && route.page === '') ? (
          <Loading what="calcwise" />
        ) : (
          <Page route={route} noProfile={profileCheck === 'missing' && route.page === 'profile'} />
        )}
      </PageErrorBoundary>
    </Layout>
  );
}
