// The new-client form's values and their draft (renderer/src/screens/clients/client-form/form-values.ts): only
// what the operator gave is sent, codes are normalised, and every problem lands on its field in one go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFormSchema,
  emptyClientForm,
  localRfc3339,
  toDraft,
  type ClientFormValues,
} from '../../../renderer/src/screens/clients/client-form/form-values.ts';

const PDF = Buffer.from('%PDF-1.4 a test document').toString('base64');

/** A form as an operator fills it in for product 1000, whose requirements are the strictest. */
function walletForm(): ClientFormValues {
  const form = emptyClientForm();
  form.client = {
    ...form.client,
    phone: 77012345678,
    first_name: 'Aigerim',
    last_name: 'Nurlanova',
    country: ' kaz ',
    person_id: '900412400123',
    document: PDF,
    language: 'KK',
    address1: {
      country: 'kaz',
      postal_code: '050000',
      address_line1: 'Almaty',
      address_line2: 'Abay avenue',
      address_line3: '10',
    },
  };
  return form;
}

function problems(values: ClientFormValues): Record<string, { code: string; message: string }> {
  const parsed = clientFormSchema.safeParse(values);
  if (parsed.success) return {};
  return Object.fromEntries(
    parsed.error.issues.map((issue) => [issue.path.join('.'), { code: issue.code, message: issue.message }]),
  );
}

// A fixed zone, so that the offsets written are known (Tashkent has no daylight saving time).
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Tashkent';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('emptyClientForm', () => {
  it('starts on product 1000, an individual resident, with the residence address the same', () => {
    const form = emptyClientForm();
    expect(form.product_id).toBe('1000');
    expect(form.client.type).toBe('1');
    expect(form.client.resident).toBe('1');
    expect(form.sameAddress).toBe(true);
    expect(form.client.phone).toBeUndefined();
  });
});

describe('toDraft', () => {
  it('sends what was given, with codes normalised, and the registration address as residence too', () => {
    const draft = toDraft(walletForm());
    expect(draft).toEqual({
      product_id: 1000,
      client: {
        phone: 77012345678,
        type: 1,
        resident: 1,
        first_name: 'Aigerim',
        last_name: 'Nurlanova',
        country: 'KAZ',
        person_id: '900412400123',
        language: 'kk',
        document: PDF,
        address1: {
          country: 'KAZ',
          postal_code: '050000',
          address_line1: 'Almaty',
          address_line2: 'Abay avenue',
          address_line3: '10',
        },
        address2: {
          country: 'KAZ',
          postal_code: '050000',
          address_line1: 'Almaty',
          address_line2: 'Abay avenue',
          address_line3: '10',
        },
      },
    });
  });

  it('leaves out an optional address nobody filled in, and keeps a required one to name its parts', () => {
    const form = emptyClientForm();
    form.product_id = '2000';
    form.sameAddress = false;
    expect(toDraft(form).client.address1).toBeUndefined();
    expect(toDraft(form).client.address2).toBeUndefined();
    form.product_id = '1000';
    expect(toDraft(form).client.address1).toEqual({
      country: '',
      postal_code: '',
      address_line1: '',
      address_line2: '',
      address_line3: '',
    });
  });

  it('writes the identification moment with this computer’s offset', () => {
    const form = walletForm();
    form.client.identification_info = { idn_date: '2026-01-31', idn_time: '10:05', identified_by: 'Branch 7' };
    expect(toDraft(form).client.identification_info).toEqual({
      idn_date: '2026-01-31T10:05:00+05:00',
      identified_by: 'Branch 7',
    });
  });
});

describe('localRfc3339', () => {
  it('turns a local date and time into RFC 3339 with the offset', () => {
    expect(localRfc3339('2026-01-31', '10:00')).toBe('2026-01-31T10:00:00+05:00');
    expect(localRfc3339('2026-01-31', '')).toBe('2026-01-31T00:00:00+05:00');
  });

  it('leaves what is not a date as typed, for the schema to name the field', () => {
    expect(localRfc3339('31.01.2026', '10:00')).toBe('31.01.2026');
    expect(localRfc3339('2026-01-31', '25:99')).toBe('2026-01-31');
  });
});

describe('clientFormSchema', () => {
  it('passes a complete form as the contract draft', () => {
    const parsed = clientFormSchema.safeParse(walletForm());
    expect(parsed.success).toBe(true);
    expect(parsed.data?.client.country).toBe('KAZ');
  });

  it('names every missing field at once, the product-1000 ones too', () => {
    const found = problems(emptyClientForm());
    for (const field of [
      'client.phone',
      'client.first_name',
      'client.last_name',
      'client.country',
      'client.person_id',
      'client.document',
      'client.address1.country',
      'client.address1.postal_code',
    ]) {
      expect(found[field]?.message, field).toBe('required');
    }
  });

  it('asks less of product 2000', () => {
    const form = emptyClientForm();
    form.product_id = '2000';
    const found = problems(form);
    expect(Object.keys(found).sort()).toEqual(['client.first_name', 'client.last_name', 'client.phone']);
  });

  it('keeps the rule a given value broke, so its field can say what is wrong', () => {
    const form = walletForm();
    form.client.first_name = 'Айгерим';
    form.client.email = 'not an address';
    const found = problems(form);
    expect(found['client.first_name']).toEqual({ code: 'invalid_format', message: 'Latin letters only' });
    expect(found['client.email']?.code).toBe('invalid_format');
    expect(Object.keys(found)).toHaveLength(2);
  });

  it('reports the residence address only when it is not the registration one', () => {
    const form = walletForm();
    form.client.address1.postal_code = '';
    expect(Object.keys(problems(form))).toEqual(['client.address1.postal_code']);
    form.sameAddress = false;
    form.client.address2 = { ...form.client.address1, country: 'KZ' };
    expect(Object.keys(problems(form)).sort()).toEqual([
      'client.address1.postal_code',
      'client.address2.country',
      'client.address2.postal_code',
    ]);
  });
});
