import { defineErrors } from '../../http/app-error.ts';

export const IVR_ERRORS = defineErrors({
  IVR_FLOW_INVALID: {
    status: 422,
    message: {
      'zh-CN': '流程校验未通过（{count} 处问题），不能发布',
      'en-US': 'The flow failed validation ({count} problems) and cannot be published',
    },
  },
  IVR_VERSION_PUBLISHED: {
    status: 409,
    message: {
      'zh-CN': '已发布的版本不可修改，请另存为新版本',
      'en-US': 'A published version cannot be changed; save a new version',
    },
  },
  IVR_ACCESS_CODE_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '特服号 {code} 已被其他流程使用',
      'en-US': 'Access code {code} is used by another flow',
    },
  },
});
