// Supplement totals are a fact about the profile, shared by balance, safety and the planner.
export { supplementAmount, takesSupplement } from '../profile-facts.js';
