import { type Locale, type Me, ROLE_LABELS } from '@switchboard/shared';
import { joinList } from '../../i18n/format.ts';

/** 业务代表、班长 / Agent, Team lead. Unknown role codes are shown as sent. */
export function formatRoles(locale: Locale, roles: Me['roles']): string {
  return joinList(
    locale,
    roles.map((role) => ROLE_LABELS[role]?.[locale] ?? role),
  );
}

/** 话费查询(3)、宽带业务(2): skill group name with the agent's level in brackets. */
export function formatSkills(locale: Locale, skills: Me['skills']): string {
  return joinList(
    locale,
    skills.map((skill) => `${skill.name}(${skill.level})`),
  );
}
