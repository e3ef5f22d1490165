import type { ThemeConfig } from 'antd';

/** Fonts that render Chinese well on Windows, macOS and Linux desktops. */
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1458d6',
    colorInfo: '#1458d6',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
    colorBgLayout: '#f2f4f8',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
      bodyBg: '#f2f4f8',
    },
  },
};
