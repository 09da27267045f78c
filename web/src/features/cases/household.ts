import type { Errors } from '../../components/useForm';
import { t } from '../../i18n';
import { MAX } from '../../lib/limits';

/** A new household member: a name (at most MAX.name), a role, a date of birth not after today. */
export function validateHouseholdMember(name: string, dateOfBirth: string, role: string, today: string): Errors {
  const errors: Errors = {};
  if (!name.trim()) errors.name = t('fieldError.required');
  else if (name.length > MAX.name) errors.name = t('fieldError.too_long', { max: MAX.name });
  if (dateOfBirth && dateOfBirth > today) errors.date_of_birth = t('fieldError.in_future');
  if (!role) errors.role = t('fieldError.requiredChoice');
  return errors;
}
