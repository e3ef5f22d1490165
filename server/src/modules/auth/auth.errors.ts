import { defineErrors } from '../../http/app-error.ts';

export const AUTH_ERRORS = defineErrors({
  INVALID_CREDENTIALS: {
    status: 401,
    message: { 'zh-CN': '工号或密码错误', 'en-US': 'Wrong employee ID or password' },
  },
  LOGIN_THROTTLED: {
    status: 429,
    message: {
      'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
      'en-US': 'Too many failed sign-in attempts; try again in {minutes} min',
    },
  },
  LOGIN_BACKOFF: {
    status: 429,
    message: {
      'zh-CN': '登录尝试过于频繁，请 {seconds} 秒后再试',
      'en-US': 'Sign-in attempts too frequent; try again in {seconds} s',
    },
  },
  SESSION_EXPIRED: {
    status: 401,
    message: { 'zh-CN': '会话已过期，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  },
  WRONG_CURRENT_PASSWORD: {
    status: 400,
    message: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  },
  PASSWORD_UNCHANGED: {
    status: 400,
    message: {
      'zh-CN': '新密码不能与当前密码相同',
      'en-US': 'The new password must differ from the current one',
    },
  },
});
