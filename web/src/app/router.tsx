import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { RequireAuth } from '../modules/auth/RequireAuth.tsx';
import { DesktopPage } from '../modules/desktop/DesktopPage.tsx';
import { ShellLayout } from '../modules/shell/ShellLayout.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ShellLayout />
      </RequireAuth>
    ),
    children: [{ index: true, element: <DesktopPage /> }],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
