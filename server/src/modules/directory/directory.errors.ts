import { defineErrors } from '../../http/app-error.ts';

export const DIRECTORY_ERRORS = defineErrors({
  AREA_IN_USE: {
    status: 409,
    message: {
      'zh-CN': '该片区仍有人员或分机，不能删除',
      'en-US': 'This area still has staff or extensions',
    },
  },
  DEPARTMENT_IN_USE: {
    status: 409,
    message: { 'zh-CN': '该部门仍有人员，不能删除', 'en-US': 'This department still has staff' },
  },
  SKILL_GROUP_IN_USE: {
    status: 409,
    message: { 'zh-CN': '该技能组仍被使用，不能删除', 'en-US': 'This skill group is still in use' },
  },
  EXTENSION_IN_USE: {
    status: 409,
    message: {
      'zh-CN': '该分机已分配给人员，不能删除',
      'en-US': 'This extension is assigned to a staff member',
    },
  },
  STAFF_IN_USE: {
    status: 409,
    message: { 'zh-CN': '该人员仍被引用', 'en-US': 'This staff member is still referenced' },
  },
  CANNOT_DEACTIVATE_SELF: {
    status: 409,
    message: { 'zh-CN': '不能停用自己的账号', 'en-US': 'You cannot deactivate your own account' },
  },
  CANNOT_DROP_OWN_ADMIN: {
    status: 409,
    message: {
      'zh-CN': '不能移除自己的系统管理角色',
      'en-US': 'You cannot remove your own administrator role',
    },
  },
});
