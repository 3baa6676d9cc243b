import { useEffect, useRef } from 'react';
import { Layout } from './components/layout.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { DiaryPage } from './pages/diary-page.js';
import { EvidencePage } from './pages/evidence-page.js';
import { FoodPage, TopFoodsPage } from './pages/food-page.js';
import { LabsPage } from './pages/labs-page.js';
import { PlanPage } from './pages/plan-page.js';
import { ProfilePage } from './pages/profile-page.js';
import { ReportPage } from './pages/report-page.js';
import { api, ApiError } from './api.js';
import { navigate, useRoute, type Route } from './router.js';

const TITLES: Record<string, string> = {
  dashboard: 'Dashboard',
  diary: 'Diary',
  foods: 'Foods',
  food: 'Food',
  top: 'Top foods',
  labs: 'Labs',
  plan: 'Plan',
  evidence: 'Evidence',
  report: 'Report',
  profile: 'Profile',
};

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'diary':
      return <DiaryPage />;
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
    case 'labs':
      return <LabsPage />;
    case 'plan':
      return <PlanPage />;
    case 'evidence':
      return <EvidencePage />;
    case 'report':
      return <ReportPage />;
    case 'profile':
      return <ProfilePage />;
    default:
      return <DashboardPage />;
  }
}

export function App() {
  const route = useRoute();
  const page = TITLES[route.page] ? route.page : 'dashboard';
  const first = useRef(true);
  useEffect(() => {
    document.title = `${TITLES[page] ?? 'calcwise'} · calcwise`;
    // After navigation, move focus to the page so screen readers announce it.
    if (first.current) first.current = false;
    else document.getElementById('main')?.focus();
  }, [page, route.param]);
  useEffect(() => {
    // First visit: with no profile stored, onboarding comes before anything else.
    if (route.page !== '') return;
    api.getProfile().then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 404) navigate('profile');
      },
    );
    // Only on the first render.
  }, []);
  const nav = page === 'food' || page === 'top' ? 'foods' : page;
  return (
    <Layout current={nav}>
      <Page route={route} />
    </Layout>
  );
}
