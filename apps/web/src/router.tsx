import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PageLoader, RequireAuth } from './components/RequireAuth';
import { AccountDeletedPage } from './pages/account/AccountDeletedPage';
import { CommunityAccountPage } from './pages/account/community/CommunityAccountPage';
import { DeleteAccountPage } from './pages/account/DeleteAccountPage';
import { DevicePage } from './pages/account/devices/DevicePage';
import { DevicesPage } from './pages/account/devices/DevicesPage';
import { LicensesPage } from './pages/account/licenses/LicensesPage';
import { MailProtectionPage } from './pages/account/mail-protection/MailProtectionPage';
import { PreferencesPage } from './pages/account/PreferencesPage';
import { ProfilePage } from './pages/account/ProfilePage';
import { RightsPage } from './pages/account/privacy/RightsPage';
import { PurchasesPage } from './pages/account/purchases/PurchasesPage';
import { ReportPage } from './pages/account/reports/ReportPage';
import { ReportsPage } from './pages/account/reports/ReportsPage';
import { SecurityPage } from './pages/account/SecurityPage';
import { RequestPage } from './pages/account/support/RequestPage';
import { SupportPage } from './pages/account/support/SupportPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { SignInPage } from './pages/auth/SignInPage';
import { SignUpPage } from './pages/auth/SignUpPage';
import { TwoFactorPage } from './pages/auth/TwoFactorPage';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage';
import { CommunityPage } from './pages/community/CommunityPage';
import { MemberPage } from './pages/community/MemberPage';
import { NewPostPage } from './pages/community/NewPostPage';
import { PostPage } from './pages/community/PostPage';
import { AcceptInvitationPage } from './pages/company/AcceptInvitationPage';
import { CompanyPage } from './pages/company/CompanyPage';
import { WorkspacePage } from './pages/company/workspaces/WorkspacePage';
import { ErasureReportPage } from './pages/ErasureReportPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { SurveyPage } from './pages/SurveyPage';
import { AuditPage } from './pages/staff/AuditPage';
import { MailNoticesPage } from './pages/staff/MailNoticesPage';
import { OutboxPage } from './pages/staff/OutboxPage';
import { PrivacyRequestsPage } from './pages/staff/PrivacyRequestsPage';
import { RetentionPage } from './pages/staff/RetentionPage';
import { RequireRole, StaffGuard, StaffHome } from './pages/staff/StaffGuard';
import { StaffRequestPage } from './pages/staff/support/StaffRequestPage';
import { SupportQueuePage } from './pages/staff/support/SupportQueuePage';
import { SupportSettingsPage } from './pages/staff/support/SupportSettingsPage';

// The charts library is large: only staff who open the statistics load it.
const StatsPage = lazy(() => import('./pages/staff/StatsPage').then((m) => ({ default: m.StatsPage })));
const SurveysPage = lazy(() => import('./pages/staff/support/SurveysPage').then((m) => ({ default: m.SurveysPage })));

/** A page of the account area, only for a signed-in user. */
const signedIn = (path: string, page: React.ReactNode) => ({ path, element: <RequireAuth>{page}</RequireAuth> });
/** A page of the staff console, for the roles its API admits. */
const forRoles = (path: string, roles: string[], page: React.ReactNode) => ({ path, element: <RequireRole roles={roles}>{page}</RequireRole> });

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      { path: 'privacy/:hash', element: <PrivacyPage /> },
      { path: 'privacy/erasure-report/:requestId', element: <ErasureReportPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-in/two-factor', element: <TwoFactorPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'account-deleted', element: <AccountDeletedPage /> },
      { path: 'survey/:token', element: <SurveyPage /> },
      { path: 'community', element: <CommunityPage /> },
      { path: 'community/posts/:id', element: <PostPage /> },
      { path: 'community/members/:userName', element: <MemberPage /> },
      signedIn('community/new', <NewPostPage />),
      signedIn('company', <CompanyPage />),
      signedIn('company/invitations/:id', <AcceptInvitationPage />),
      signedIn('company/workspaces/:id', <WorkspacePage />),
      {
        path: 'account',
        children: [
          {
            index: true,
            element: (
              <RequireAuth>
                <ProfilePage />
              </RequireAuth>
            ),
          },
          {
            path: 'security',
            element: (
              <RequireAuth>
                <SecurityPage />
              </RequireAuth>
            ),
          },
          {
            path: 'licenses',
            element: (
              <RequireAuth>
                <LicensesPage />
              </RequireAuth>
            ),
          },
          {
            path: 'purchases',
            element: (
              <RequireAuth>
                <PurchasesPage />
              </RequireAuth>
            ),
          },
          {
            path: 'devices',
            element: (
              <RequireAuth>
                <DevicesPage />
              </RequireAuth>
            ),
          },
          {
            path: 'devices/:id',
            element: (
              <RequireAuth>
                <DevicePage />
              </RequireAuth>
            ),
          },
          {
            path: 'preferences',
            element: (
              <RequireAuth>
                <PreferencesPage />
              </RequireAuth>
            ),
          },
          {
            path: 'privacy',
            element: (
              <RequireAuth>
                <RightsPage />
              </RequireAuth>
            ),
          },
          {
            path: 'delete',
            element: (
              <RequireAuth>
                <DeleteAccountPage />
              </RequireAuth>
            ),
          },
          signedIn('support', <SupportPage />),
          signedIn('support/:id', <RequestPage />),
          signedIn('reports', <ReportsPage />),
          signedIn('reports/:id', <ReportPage />),
          signedIn('community', <CommunityAccountPage />),
          signedIn('mail-protection', <MailProtectionPage />),
        ],
      },
      {
        path: 'staff',
        element: (
          <RequireAuth>
            <StaffGuard />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <StaffHome /> },
          {
            path: 'outbox',
            element: (
              <RequireRole roles={['admin', 'support']}>
                <OutboxPage />
              </RequireRole>
            ),
          },
          {
            path: 'retention',
            element: (
              <RequireRole roles={['admin', 'dpo']}>
                <RetentionPage />
              </RequireRole>
            ),
          },
          {
            path: 'stats',
            element: (
              <RequireRole roles={['admin', 'dpo']}>
                <Suspense fallback={<PageLoader label="Loading the statistics" />}>
                  <StatsPage />
                </Suspense>
              </RequireRole>
            ),
          },
          {
            path: 'privacy-requests',
            element: (
              <RequireRole roles={['admin', 'dpo']}>
                <PrivacyRequestsPage />
              </RequireRole>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequireRole roles={['admin', 'dpo']}>
                <AuditPage />
              </RequireRole>
            ),
          },
          forRoles('support', ['admin', 'support'], <SupportQueuePage />),
          forRoles('support/settings', ['admin'], <SupportSettingsPage />),
          forRoles(
            'support/surveys',
            ['admin', 'support'],
            <Suspense fallback={<PageLoader label="Loading the survey results" />}>
              <SurveysPage />
            </Suspense>,
          ),
          forRoles('support/:id', ['admin', 'support'], <StaffRequestPage />),
          forRoles('mail-protection', ['admin'], <MailNoticesPage />),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
