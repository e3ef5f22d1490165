import type { Customer, Role } from '@switchboard/shared';

// PLAT-6: customer data is confidential. Staff whose work is to serve or maintain customers see
// their full numbers; the others who may read customers (QA inspectors, who score recorded calls)
// see phone, card and e-mail masked. Every opening of a record is logged (customer.read).

const FULL_NUMBER_ROLES: readonly Role[] = ['agent', 'team_lead', 'duty_lead', 'data_maintenance', 'admin'];

export function seesFullNumbers(roles: readonly Role[]): boolean {
  return roles.some((role) => FULL_NUMBER_ROLES.includes(role));
}

/** 13912345678 → 139****5678; short numbers keep their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 8) return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;
}

/** Card numbers keep their last four characters. */
export function maskCard(card: string): string {
  return `${'*'.repeat(Math.max(0, card.length - 4))}${card.slice(-4)}`;
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}

/** The record as this reader may see it. */
export function forReader<C extends Customer>(customer: C, roles: readonly Role[]): C {
  if (seesFullNumbers(roles)) return customer;
  return {
    ...customer,
    phones: customer.phones.map(maskPhone),
    cardNo: customer.cardNo === null ? null : maskCard(customer.cardNo),
    email: customer.email === null ? null : maskEmail(customer.email),
  };
}
