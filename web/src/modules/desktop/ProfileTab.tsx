import { Descriptions } from 'antd';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { formatRoles, formatSkills } from '../shell/status-format.ts';

/** 我的信息: who I am in the directory. */
export function ProfileTab() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const none = t('status.none');
  return (
    <Descriptions
      title={t('profile.title')}
      bordered
      size="small"
      column={1}
      className="sb-profile"
      items={[
        { key: 'no', label: t('status.employeeNo'), children: user.employeeNo },
        { key: 'name', label: t('status.name'), children: user.name },
        { key: 'roles', label: t('status.roles'), children: formatRoles(locale, user.roles) || none },
        { key: 'dept', label: t('status.department'), children: user.departmentName ?? none },
        { key: 'skills', label: t('status.skills'), children: formatSkills(locale, user.skills) || none },
        { key: 'ext', label: t('status.extension'), children: user.extension ?? none },
      ]}
    />
  );
}
