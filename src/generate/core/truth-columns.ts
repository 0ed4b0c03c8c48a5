/** The columns of the core tables the ground truth reads (the integration test reads the same). */
export const TRUTH_COLUMNS = {
  apartments: ['id', 'municipality', 'deleted_at'],
  rooms: ['id', 'deleted_at'],
  tenants: ['id', 'birth_date', 'nationality', 'deleted_at'],
  movings: [
    'id',
    'tenant_id',
    'room_id',
    'apartment_id',
    'moving_agreement_type',
    'application_date',
    'contract_date',
    'movein_date',
    'moveout_notice_date',
    'moveout_plan_date',
    'moveout_date',
    'rent',
    'moveout_reason',
    'status',
    'updated_at',
    'deleted_at',
  ],
  inquiries: ['id', 'inquiry_date', 'inquirer_type', 'deleted_at'],
} as const;

export type CoreTableName = keyof typeof TRUTH_COLUMNS;
