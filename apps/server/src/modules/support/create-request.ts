import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';
import { companyOfRequester } from '../orgs/support-visibility.ts';
import { licenseChoices, productName } from './own-licenses.ts';
import { customerView } from './request-view.ts';
import { departmentFor } from './routing-rules.ts';
import { supportRequest } from './schema.ts';

export interface NewRequest {
  subject: string;
  productId: string;
  licenseId?: string;
  licenseNumber?: string;
  hardware: string;
  software: string;
  description: string;
  contactEmail?: string;
}

/** The license named in the request, which must be one of the customer's own and fit the product. */
async function chosenLicense(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: NewRequest) {
  if (!input.licenseId) return null;
  const [license] = await licenseChoices(deps, userId, input.licenseId);
  if (!license) throw problems.invalidField('licenseId', 'is not one of your licenses');
  if (license.productId !== input.productId) throw problems.invalidField('productId', 'is not the product of the chosen license');
  return license;
}

/**
 * Opens a request with what support needs (SUP-1), routed by the license and the country and
 * interface language of the company or else the account (SUP-3). Every check runs before the one insert.
 */
export async function createRequest(deps: Pick<Deps, 'db' | 'clock'>, caller: { userId: string; email: string }, input: NewRequest) {
  if (!productName(input.productId)) throw problems.invalidField('productId', 'is not a product of the catalogue');
  const license = await chosenLicense(deps, caller.userId, input);
  const profile = await getProfile(deps, caller.userId);
  // A company member's request is routed by the company's country and language where it set them.
  const employer = await companyOfRequester(deps, caller.userId);
  const country = employer?.country ?? profile.country;
  const language = employer?.language ?? profile.language;
  const departmentId = await departmentFor(deps, { productId: input.productId, licenses: license ? [license] : [], country, language });
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(supportRequest)
    .values({
      userId: caller.userId,
      companyId: employer?.companyId ?? null,
      departmentId,
      status: 'new',
      subject: input.subject.trim(),
      contactEmail: (input.contactEmail ?? caller.email).trim(),
      productId: input.productId,
      licenseId: license?.id ?? null,
      licenseNumber: input.licenseNumber?.trim() || null,
      hardware: input.hardware,
      software: input.software,
      description: input.description,
      country,
      language,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return customerView(deps, row);
}
