import { lazy, Suspense } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/zh-cn';
import { createHashRouter, Navigate, Route, RouterProvider, Routes } from 'react-router';
import { theme } from './theme';
import { AuthGate } from '../features/auth/AuthGate';
import { AppLayout } from './AppLayout';
import { AdminOnly } from './AdminOnly';
import { HomeRedirect } from '../features/lifecycle/HomeRedirect';
import { DeskChoiceGate } from '../features/desk-choice/DeskChoiceGate';

const TicketListPage = lazy(() => import('../features/tickets/TicketListPage'));
const TicketIntakePage = lazy(() => import('../features/tickets/TicketIntakePage'));
const TicketDetailPage = lazy(() => import('../features/tickets/TicketDetailPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const MyTicketsPage = lazy(() => import('../features/lifecycle/MyTicketsPage'));
const OverduePage = lazy(() => import('../features/lifecycle/OverduePage'));
const FollowUpPage = lazy(() => import('../features/lifecycle/FollowUpPage'));
const SchedulePage = lazy(() => import('../features/lifecycle/SchedulePage'));
const StatisticsPage = lazy(() => import('../features/reports/StatisticsPage'));
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
const BackupsPage = lazy(() => import('../features/admin-data/BackupsPage'));
const AuditPage = lazy(() => import('../features/admin-data/AuditPage'));
const KnowledgePage = lazy(() => import('../features/knowledge/KnowledgePage'));
const ArticlePage = lazy(() => import('../features/knowledge/ArticlePage'));
const ArticleEditor = lazy(() => import('../features/knowledge/ArticleEditor'));
const ReviewQueuePage = lazy(() => import('../features/knowledge/ReviewQueuePage'));
const PartsPage = lazy(() => import('../features/parts/PartsPage'));
const LowStockPage = lazy(() => import('../features/parts/LowStockPage'));
const FactoryPage = lazy(() => import('../features/factory/FactoryPage'));
const FactoryReturnPage = lazy(() => import('../features/factory/FactoryReturnPage'));
const PlansPage = lazy(() => import('../features/maintenance/PlansPage'));
const PlanDetailPage = lazy(() => import('../features/maintenance/PlanDetailPage'));
const CalculatorPage = lazy(() => import('../features/fees/CalculatorPage'));
const ReceivablesPage = lazy(() => import('../features/fees/ReceivablesPage'));
const FeeStandardPage = lazy(() => import('../features/fees/FeeStandardPage'));
const ReturnListPage = lazy(() => import('../features/returns/ReturnListPage'));
const CheckInPage = lazy(() => import('../features/returns/CheckInPage'));
const ReturnDetailPage = lazy(() => import('../features/returns/ReturnDetailPage'));
const ModelsPage = lazy(() => import('../features/master-data/ModelsPage'));
const CustomersPage = lazy(() => import('../features/master-data/CustomersPage'));
const CustomerPage = lazy(() => import('../features/master-data/CustomerPage'));
const DevicePage = lazy(() => import('../features/master-data/DevicePage'));
const PhoneApp = lazy(() => import('../features/phone/PhoneApp'));
const OutboxPage = lazy(() => import('../features/messaging/OutboxPage'));
const MessagingSettingsPage = lazy(() => import('../features/messaging/MessagingSettingsPage'));

const fallback = (
  <Center p="xl">
    <Loader size="sm" />
  </Center>
);

export function App() {
  return (
    <MantineProvider theme={theme}>
      <DeskDates>
        <Notifications position="top-right" />
        <DeskChoiceGate>
          <RouterProvider router={router} />
        </DeskChoiceGate>
      </DeskDates>
    </MantineProvider>
  );
}

/** Calendars in the desk's language, weeks from Monday (dates themselves are always typed YYYY-MM-DD). */
function DeskDates({ children }: { children: React.ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** The desk's screens, inside a data router so a changed form can ask before it is left (useBlocker). */
function Desk() {
  return (
    <AuthGate>
      <AppLayout>
        <Suspense fallback={fallback}>
          <Routes>
            <Route path="/" element={<HomeRedirect />} />
            <Route path="/tickets" element={<TicketListPage />} />
            <Route path="/tickets/new" element={<TicketIntakePage />} />
            <Route path="/tickets/:id" element={<TicketDetailPage />} />
            <Route path="/returns" element={<ReturnListPage />} />
            <Route path="/returns/new" element={<CheckInPage />} />
            <Route path="/returns/:id" element={<ReturnDetailPage />} />
            <Route path="/queue/mine" element={<MyTicketsPage />} />
            <Route path="/queue/overdue" element={<OverduePage />} />
            <Route path="/queue/follow-up" element={<FollowUpPage />} />
            <Route path="/schedule" element={<SchedulePage />} />
            <Route path="/settings" element={<AdminOnly><SettingsPage /></AdminOnly>} />
            <Route path="/settings/messages" element={<AdminOnly><MessagingSettingsPage /></AdminOnly>} />
            <Route path="/outbox" element={<OutboxPage />} />
            <Route path="/users" element={<AdminOnly><UsersPage /></AdminOnly>} />
            <Route path="/admin/backups" element={<AdminOnly><BackupsPage /></AdminOnly>} />
            <Route path="/admin/audit" element={<AdminOnly><AuditPage /></AdminOnly>} />
            <Route path="/statistics" element={<StatisticsPage />} />
            <Route path="/factory" element={<FactoryPage />} />
            <Route path="/factory/returns/:id" element={<FactoryReturnPage />} />
            <Route path="/import" element={<ImportPage />} />
            <Route path="/models" element={<ModelsPage />} />
            <Route path="/customers" element={<CustomersPage />} />
            <Route path="/customers/:id" element={<CustomerPage />} />
            <Route path="/devices/:id" element={<DevicePage />} />
            <Route path="/knowledge" element={<KnowledgePage />} />
            <Route path="/knowledge/new" element={<ArticleEditor />} />
            <Route path="/knowledge/review" element={<ReviewQueuePage />} />
            <Route path="/knowledge/:id" element={<ArticlePage />} />
            <Route path="/knowledge/:id/edit" element={<ArticleEditor />} />
            <Route path="/parts" element={<PartsPage />} />
            <Route path="/parts/low" element={<LowStockPage />} />
            <Route path="/maintenance" element={<PlansPage />} />
            <Route path="/maintenance/:id" element={<PlanDetailPage />} />
            <Route path="/fees/calculator" element={<CalculatorPage />} />
            <Route path="/fees/receivables" element={<ReceivablesPage />} />
            <Route path="/fees/standard" element={<AdminOnly><FeeStandardPage /></AdminOnly>} />
            <Route path="*" element={<Navigate to="/tickets" replace />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </AuthGate>
  );
}

/** The engineer's phone page (#/m) has its own small layout; everything else is the desk. */
const router = createHashRouter([
  { path: '/m/*', element: <Suspense fallback={fallback}><PhoneApp /></Suspense> },
  { path: '*', element: <Desk /> },
]);
