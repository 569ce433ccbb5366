/**
 * Staff accounts of a deployed stack, from the staff directory (config/staff.json), through the Cognito admin API
 * with the operator's AWS credentials. A command an administrator runs, not a deployment step: temporary passwords
 * are printed once to the administrator's terminal and never pass through CloudFormation (templates, events and
 * custom-resource responses are stored and logged), and MFA enrolment needs the administrator with the person anyway.
 *
 * - `sync`: creates each active member missing from the pool with a temporary password (no message sent; Cognito
 *   forces a new password, then the TOTP set-up, at the first sign-in), keeps name, court and groups (= roles) in step,
 *   enables the active and disables (and signs out) the inactive; users the directory does not know are listed, and
 *   disabled with --disable-unknown. It never writes the enrolment record.
 * - `enrolled`: the administrator records an authenticator enrolled in their presence (custom:mfa_enrolled_by), which
 *   the MFA gate requires before a token carries an approving role.
 * - `reset`: account recovery (there is no e-mail or SMS recovery): a new temporary password and every session
 *   signed out; with --lost-authenticator also the TOTP and its enrolment record removed, so enrolment starts again.
 */
import { randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StaffDocument } from '#adapters/staff/json-directory.ts';
import { ENROLMENT_ATTRIBUTE } from '../../functions/auth/mfa-gate.ts';

type Member = StaffDocument['staff'][number];

export interface StaffChange {
  readonly userId: string;
  readonly action: 'create' | 'update' | 'disable' | 'unchanged' | 'unknown';
  /** What changed (or would), in Chinese. */
  readonly changes: readonly string[];
  /** Only for a created account: to hand to the person, once. */
  readonly temporaryPassword?: string;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@';

/** 16 characters from a CSPRNG, at least one of each class the pool's policy requires; no look-alike characters. */
export function temporaryPassword(pick: (max: number) => number = randomInt): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => set[pick(set.length)] as string);
  while (chars.length < 16) chars.push(all[pick(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

async function poolUsers(client: CognitoIdentityProviderClient, pool: string): Promise<Map<string, UserType>> {
  const users = new Map<string, UserType>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListUsersCommand({ UserPoolId: pool, PaginationToken: token }));
    for (const user of page.Users ?? []) if (user.Username) users.set(user.Username, user);
    token = page.PaginationToken;
  } while (token);
  return users;
}

const attribute = (user: UserType, name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;

export interface SyncOptions {
  /** Say what would change, change nothing. */
  readonly dryRun?: boolean;
  /** Disable (and sign out) users of the pool the directory does not know. */
  readonly disableUnknown?: boolean;
  readonly password?: () => string;
}

/** Brings the pool in step with the directory; returns one entry per user, in directory order, then the unknown. */
export async function syncStaff(
  client: CognitoIdentityProviderClient,
  pool: string,
  directory: StaffDocument,
  options: SyncOptions = {},
): Promise<StaffChange[]> {
  const write: Write = async (command) => {
    if (!options.dryRun) await client.send(command as never);
  };
  const users = await poolUsers(client, pool);
  const report: StaffChange[] = [];
  for (const member of directory.staff) {
    const user = users.get(member.userId);
    if (!member.active) {
      if (user?.Enabled) {
        await disable(write, pool, member.userId);
        report.push({ userId: member.userId, action: 'disable', changes: ['名录中已离岗：停用并注销所有会话'] });
      } else {
        report.push({ userId: member.userId, action: 'unchanged', changes: [] });
      }
      continue;
    }
    if (!user) {
      const password = (options.password ?? temporaryPassword)();
      await write(
        new AdminCreateUserCommand({
          UserPoolId: pool,
          Username: member.userId,
          TemporaryPassword: password,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'name', Value: member.name },
            { Name: 'custom:court', Value: member.court },
          ],
        }),
      );
      for (const role of member.roles) {
        await write(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: member.userId, GroupName: role }));
      }
      report.push({
        userId: member.userId,
        action: 'create',
        changes: [`开通账户（${member.name}，${member.court}），角色：${member.roles.join('、')}`],
        ...(options.dryRun ? {} : { temporaryPassword: password }),
      });
      continue;
    }
    report.push({ userId: member.userId, ...(await update(client, write, pool, member, user)) });
  }
  const known = new Set(directory.staff.map((m) => m.userId));
  for (const [userId, user] of users) {
    if (known.has(userId)) continue;
    const disabling = options.disableUnknown === true && user.Enabled === true;
    if (disabling) await disable(write, pool, userId);
    report.push({
      userId,
      action: disabling ? 'disable' : 'unknown',
      changes: [disabling ? '名录中没有此人：停用并注销所有会话' : '名录中没有此人（加 --disable-unknown 停用）'],
    });
  }
  return report;
}

/** Sends a command, unless this is a dry run. */
type Write = (command: object) => Promise<void>;

async function disable(write: Write, pool: string, userId: string): Promise<void> {
  await write(new AdminDisableUserCommand({ UserPoolId: pool, Username: userId }));
  await write(new AdminUserGlobalSignOutCommand({ UserPoolId: pool, Username: userId }));
}

/** Name, court, enabled and groups of an existing user, brought in step with the member. */
async function update(
  client: CognitoIdentityProviderClient,
  write: Write,
  pool: string,
  member: Member,
  user: UserType,
): Promise<Pick<StaffChange, 'action' | 'changes'>> {
  const changes: string[] = [];
  const attributes = [
    { Name: 'name', Value: member.name },
    { Name: 'custom:court', Value: member.court },
  ].filter((a) => attribute(user, a.Name) !== a.Value);
  if (attributes.length > 0) {
    await write(
      new AdminUpdateUserAttributesCommand({ UserPoolId: pool, Username: member.userId, UserAttributes: attributes }),
    );
    changes.push(`更新${attributes.map((a) => (a.Name === 'name' ? '姓名' : '法院')).join('、')}`);
  }
  if (user.Enabled === false) {
    await write(new AdminEnableUserCommand({ UserPoolId: pool, Username: member.userId }));
    changes.push('启用账户');
  }
  const listed = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: pool, Username: member.userId }));
  const groups = new Set((listed.Groups ?? []).map((g) => g.GroupName ?? ''));
  const roles = new Set<string>(member.roles);
  for (const role of roles) {
    if (groups.has(role)) continue;
    await write(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: member.userId, GroupName: role }));
    changes.push(`加入角色 ${role}`);
  }
  for (const group of groups) {
    if (roles.has(group)) continue;
    await write(new AdminRemoveUserFromGroupCommand({ UserPoolId: pool, Username: member.userId, GroupName: group }));
    changes.push(`移出角色 ${group}`);
  }
  return { action: changes.length > 0 ? 'update' : 'unchanged', changes };
}

/** The administrator records an authenticator enrolled in their presence: `<admin> <date>`. */
export async function recordEnrolment(
  client: CognitoIdentityProviderClient,
  pool: string,
  userId: string,
  by: string,
  today: string,
): Promise<string> {
  const value = `${by} ${today}`;
  await client.send(
    new AdminUpdateUserAttributesCommand({
      UserPoolId: pool,
      Username: userId,
      UserAttributes: [{ Name: `custom:${ENROLMENT_ATTRIBUTE}`, Value: value }],
    }),
  );
  return value;
}

/** Account recovery: a new temporary password, every session ended; a lost authenticator is removed with its record. */
export async function resetStaff(
  client: CognitoIdentityProviderClient,
  pool: string,
  userId: string,
  options: { readonly lostAuthenticator?: boolean; readonly password?: () => string } = {},
): Promise<string> {
  const password = (options.password ?? temporaryPassword)();
  await client.send(
    new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: userId, Password: password, Permanent: false }),
  );
  if (options.lostAuthenticator) {
    await client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: pool,
        Username: userId,
        SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      }),
    );
    await client.send(
      new AdminDeleteUserAttributesCommand({
        UserPoolId: pool,
        Username: userId,
        UserAttributeNames: [`custom:${ENROLMENT_ATTRIBUTE}`],
      }),
    );
  }
  await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool, Username: userId }));
  return password;
}
