/** The customer type-ahead's lookup (intake, device, maintenance plan, returns): the hits of what was typed, none on an error. */
import type { CustomerHit } from '../../../shared/domain/party';
import { call } from './call';

export async function searchCustomers(q: string, limit = 8): Promise<CustomerHit[]> {
  const r = await call('customers.search', { q, limit });
  return r.ok ? r.value : [];
}
