import { useEffect, useRef, useState } from 'react';
import { PageErrorBoundary } from './components/error-boundary.js';
import { Layout } from './components/layout.js';
import { Loading } from './components/status.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { DiaryPage } from './pages/diary-page.js';
import { EvidencePage } from './pages/evidence-page.js';
import { FoodPage, TopFoodsPage } from './pages/food-page.js';
import { LabsPage } from './pages/labs-page.js';
import { MyFoodsPage } from './pages/my-foods-page.js';
import { RecipesPage } from './pages/recipes-page.js';
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
  'my-foods': 'My foods',
  recipes: 'Recipes',
  labs: 'Labs',
  plan: 'Plan',
  evidence: 'Evidence',
  report: 'Report',
  profile: 'Profile',
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

export function App() {
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
    <Layout current={nav}>
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
