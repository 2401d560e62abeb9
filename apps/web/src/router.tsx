import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireAuth } from './components/RequireAuth';
import { AccountDeletedPage } from './pages/account/AccountDeletedPage';
import { DeleteAccountPage } from './pages/account/DeleteAccountPage';
import { PreferencesPage } from './pages/account/PreferencesPage';
import { ProfilePage } from './pages/account/ProfilePage';
import { SecurityPage } from './pages/account/SecurityPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { SignInPage } from './pages/auth/SignInPage';
import { SignUpPage } from './pages/auth/SignUpPage';
import { TwoFactorPage } from './pages/auth/TwoFactorPage';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { OutboxPage } from './pages/staff/OutboxPage';
import { StaffGuard } from './pages/staff/StaffGuard';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-in/two-factor', element: <TwoFactorPage /> },
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'account-deleted', element: <AccountDeletedPage /> },
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
            path: 'preferences',
            element: (
              <RequireAuth>
                <PreferencesPage />
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
          { index: true, element: <Navigate to="/staff/outbox" replace /> },
          { path: 'outbox', element: <OutboxPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
