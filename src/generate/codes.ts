/**
 * The PMS's codes and what they mean: the one source of both the generator's draws and the
 * project's seeds (seeds/*.csv are rendered from here; a unit test keeps them equal).
 */
export { COUNTRIES, NATIONALITY_UNMAPPED, nationalityVariants } from './nationalities';
export type { Country } from './nationalities';

export interface Gender {
  readonly code: number;
  readonly gender: string;
  readonly genderJa: string;
}

export const GENDERS: readonly Gender[] = [
  { code: 0, gender: 'Unknown', genderJa: '未回答' },
  { code: 1, gender: 'Male', genderJa: '男性' },
  { code: 2, gender: 'Female', genderJa: '女性' },
  { code: 3, gender: 'Other', genderJa: 'その他' },
];

export type TenantType = 'Individual' | 'Corporate';
export const TENANT_TYPE_NAMES: readonly TenantType[] = ['Individual', 'Corporate'];

export interface AgreementType {
  readonly code: number;
  readonly tenantType: TenantType;
  readonly agreement: string;
  readonly agreementJa: string;
}

/** `moving_agreement_type` and `inquirer_type`: 1 is a person, 2 and 3 are company contracts. */
export const AGREEMENT_TYPES: readonly AgreementType[] = [
  { code: 1, tenantType: 'Individual', agreement: 'Individual contract', agreementJa: '個人契約' },
  { code: 2, tenantType: 'Corporate', agreement: 'Corporate contract', agreementJa: '法人契約' },
  {
    code: 3,
    tenantType: 'Corporate',
    agreement: 'Corporate housing (company dormitory)',
    agreementJa: '法人契約(社宅代行)',
  },
];

export const MOVING_STATUS = {
  applied: 1,
  screening: 2,
  contracted: 3,
  living: 4,
  noticeGiven: 5,
  movedOut: 6,
  rejected: 8,
  cancelled: 9,
} as const;

export interface MovingStatus {
  readonly code: number;
  readonly status: string;
  readonly statusJa: string;
  /** 0 for rejected and cancelled: such a moving is never a valid contract, whatever its dates. */
  readonly isValidContract: 0 | 1;
}

export const MOVING_STATUSES: readonly MovingStatus[] = [
  { code: 1, status: 'Applied', statusJa: '申込', isValidContract: 1 },
  { code: 2, status: 'Screening', statusJa: '審査中', isValidContract: 1 },
  { code: 3, status: 'Contracted', statusJa: '契約済', isValidContract: 1 },
  { code: 4, status: 'Living', statusJa: '入居中', isValidContract: 1 },
  { code: 5, status: 'Notice given', statusJa: '退去予定', isValidContract: 1 },
  { code: 6, status: 'Moved out', statusJa: '退去済', isValidContract: 1 },
  { code: 8, status: 'Rejected', statusJa: '審査否決', isValidContract: 0 },
  { code: 9, status: 'Cancelled', statusJa: 'キャンセル', isValidContract: 0 },
];

export interface MoveoutReason {
  readonly code: number;
  readonly reason: string;
  readonly reasonJa: string;
  readonly category: string;
}

export const MOVEOUT_REASONS: readonly MoveoutReason[] = [
  { code: 1, reason: 'Returning to home country', reasonJa: '帰国', category: 'Return home' },
  { code: 2, reason: 'Job transfer', reasonJa: '転勤', category: 'Work' },
  { code: 3, reason: 'New job', reasonJa: '就職', category: 'Work' },
  { code: 4, reason: 'Graduation', reasonJa: '卒業', category: 'Study' },
  {
    code: 5,
    reason: 'Marriage or living with a partner',
    reasonJa: '結婚・同棲',
    category: 'Life event',
  },
  {
    code: 6,
    reason: 'Moving to a private apartment',
    reasonJa: '一人暮らし',
    category: 'Housing',
  },
  {
    code: 7,
    reason: 'Moving to another share house',
    reasonJa: '他シェアハウスへ転居',
    category: 'Housing',
  },
  { code: 8, reason: 'Rent too high', reasonJa: '賃料', category: 'Price' },
  { code: 9, reason: 'Facilities', reasonJa: '設備への不満', category: 'Dissatisfaction' },
  {
    code: 10,
    reason: 'Trouble with housemates',
    reasonJa: '住人トラブル',
    category: 'Dissatisfaction',
  },
  { code: 11, reason: 'End of fixed term', reasonJa: '契約満了', category: 'Contract' },
  { code: 12, reason: 'Eviction', reasonJa: '契約解除', category: 'Contract' },
  { code: 13, reason: 'Corporate reassignment', reasonJa: '社内異動', category: 'Work' },
  { code: 99, reason: 'Other', reasonJa: 'その他', category: 'Other' },
];

export interface Occupation {
  readonly code: number;
  readonly occupation: string;
  readonly occupationJa: string;
  readonly category: string;
}

/** `affiliation_type`. */
export const OCCUPATIONS: readonly Occupation[] = [
  { code: 1, occupation: 'University student', occupationJa: '大学生・専門学生', category: 'Student' },
  { code: 2, occupation: 'Language school student', occupationJa: '日本語学校生', category: 'Student' },
  { code: 3, occupation: 'Working holiday', occupationJa: 'ワーキングホリデー', category: 'Working holiday' },
  { code: 4, occupation: 'Company employee', occupationJa: '会社員', category: 'Employed' },
  { code: 5, occupation: 'Self-employed', occupationJa: '自営業・フリーランス', category: 'Self-employed' },
  { code: 6, occupation: 'Part-time worker', occupationJa: 'アルバイト・パート', category: 'Employed' },
  { code: 7, occupation: 'Researcher', occupationJa: '研究員', category: 'Employed' },
  { code: 8, occupation: 'Job seeker', occupationJa: '求職中', category: 'Not employed' },
  { code: 9, occupation: 'Other', occupationJa: 'その他', category: 'Other' },
];

/** Inquiry channels: decoded by the PMS's own `inquiry_channels` table, not by a seed. */
export const INQUIRY_CHANNELS: readonly (readonly [number, string, string, number])[] = [
  [1, 'web_form', '自社サイト問い合わせフォーム', 34],
  [2, 'phone', '電話', 9],
  [3, 'email', 'メール', 8],
  [4, 'portal', 'ポータルサイト', 22],
  [5, 'line', 'LINE', 12],
  [6, 'walk_in', '来店', 2],
  [7, 'referral', '紹介', 5],
  [8, 'agent', '仲介業者', 8],
];

export const INQUIRY_STATUS = { open: 1, contacted: 2, viewing: 3, converted: 4, lost: 5 } as const;
