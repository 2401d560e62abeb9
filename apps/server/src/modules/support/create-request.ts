import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';
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
 * Opens a request with what support needs (SUP-1), routed by the license, the account's
 * country and its interface language (SUP-3). Every check runs before the one insert.
 */
export async function createRequest(deps: Pick<Deps, 'db' | 'clock'>, caller: { userId: string; email: string }, input: NewRequest) {
  if (!productName(input.productId)) throw problems.invalidField('productId', 'is not a product of the catalogue');
  const license = await chosenLicense(deps, caller.userId, input);
  const profile = await getProfile(deps, caller.userId);
  const departmentId = await departmentFor(deps, {
    productId: input.productId,
    licenses: license ? [license] : [],
    country: profile.country,
    language: profile.language,
  });
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(supportRequest)
    .values({
      userId: caller.userId,
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
      country: profile.country,
      language: profile.language,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return customerView(deps, row);
}
