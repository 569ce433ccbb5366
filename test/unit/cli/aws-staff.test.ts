/**
 * `enforce aws staff`: the staff directory onto the Cognito user pool (aws-sdk-client-mock; it cannot run against
 * AWS here). Temporary passwords for new accounts, groups as roles, the inactive disabled, nothing on a dry run.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StaffDocument } from '#adapters/staff/json-directory.ts';
import { recordEnrolment, resetStaff, syncStaff, temporaryPassword } from '../../../local/cli/aws-staff.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const client = () => new CognitoIdentityProviderClient({ region: 'cn-north-1' });
const POOL = 'cn-north-1_pool';

const DIRECTORY: StaffDocument = {
  courts: [{ code: 'HB0922', name: '青县人民法院' }],
  teams: [],
  staff: [
    { userId: 'li-qiang', name: '李强', court: 'HB0922', roles: ['team-lead'], active: true },
    { userId: 'wang-fang', name: '王芳', court: 'HB0922', roles: ['officer', 'field-officer'], active: true },
    { userId: 'zhou-li', name: '周丽', court: 'HB0922', roles: ['officer'], active: false },
  ],
} as unknown as StaffDocument;

const user = (name: string, fullName: string, enabled = true) => ({
  Username: name,
  Enabled: enabled,
  Attributes: [
    { Name: 'name', Value: fullName },
    { Name: 'custom:court', Value: 'HB0922' },
  ],
});

beforeEach(() => {
  cognito.reset();
  // In the pool: wang-fang (one role short, one extra), zhou-li (inactive in the directory), an unknown user.
  cognito.on(ListUsersCommand).resolves({
    Users: [user('wang-fang', '王芳'), user('zhou-li', '周丽'), user('old-user', '旧用户')],
  });
  cognito
    .on(AdminListGroupsForUserCommand, { Username: 'wang-fang' })
    .resolves({ Groups: [{ GroupName: 'officer' }, { GroupName: 'bureau-chief' }] });
});

describe('enforce aws staff sync', () => {
  it('creates the missing with a temporary password, aligns groups, disables the inactive, lists the unknown', async () => {
    // Act
    const report = await syncStaff(client(), POOL, DIRECTORY, { password: () => 'Temp#Passw0rd-16' });

    // Assess
    expect(report.map((r) => [r.userId, r.action])).toEqual([
      ['li-qiang', 'create'],
      ['wang-fang', 'update'],
      ['zhou-li', 'disable'],
      ['old-user', 'unknown'],
    ]);
    expect(report[0]?.temporaryPassword).toBe('Temp#Passw0rd-16');
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'li-qiang',
      TemporaryPassword: 'Temp#Passw0rd-16',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'name', Value: '李强' },
        { Name: 'custom:court', Value: 'HB0922' },
      ],
    });
    const added = cognito
      .commandCalls(AdminAddUserToGroupCommand)
      .map((c) => `${c.args[0].input.Username} ${c.args[0].input.GroupName}`);
    expect(added).toEqual(['li-qiang team-lead', 'wang-fang field-officer']);
    const removed = cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input.GroupName);
    expect(removed).toEqual(['bureau-chief']);
    expect(cognito.commandCalls(AdminDisableUserCommand).map((c) => c.args[0].input.Username)).toEqual(['zhou-li']);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand).map((c) => c.args[0].input.Username)).toEqual([
      'zhou-li',
    ]);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)).toHaveLength(0);
  });

  it('changes nothing and shows no password on a dry run', async () => {
    // Act
    const report = await syncStaff(client(), POOL, DIRECTORY, { dryRun: true, disableUnknown: true });

    // Assess
    expect(report.map((r) => r.action)).toEqual(['create', 'update', 'disable', 'disable']);
    expect(report.some((r) => r.temporaryPassword)).toBe(false);
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(0);
  });

  it('disables users the directory does not know only when asked', async () => {
    // Act
    await syncStaff(client(), POOL, DIRECTORY, { disableUnknown: true, password: () => 'x' });

    // Assess
    expect(cognito.commandCalls(AdminDisableUserCommand).map((c) => c.args[0].input.Username)).toEqual([
      'zhou-li',
      'old-user',
    ]);
  });
});

describe('temporary passwords', () => {
  it('are 16 characters with an upper-case letter, a lower-case letter, a digit and a symbol', () => {
    for (let i = 0; i < 50; i++) {
      const password = temporaryPassword();
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[!#%+\-=?@]/);
    }
  });
});

describe('enrolment and recovery', () => {
  it('records who enrolled the authenticator and when', async () => {
    // Act
    const value = await recordEnrolment(client(), POOL, 'li-qiang', 'admin-wu', '2026-03-02');

    // Assess
    expect(value).toBe('admin-wu 2026-03-02');
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input.UserAttributes).toEqual([
      { Name: 'custom:mfa_enrolled_by', Value: 'admin-wu 2026-03-02' },
    ]);
  });

  it('resets a password (temporary) and signs out; a lost authenticator also loses its TOTP and record', async () => {
    // Act
    await resetStaff(client(), POOL, 'li-qiang', { password: () => 'New#Temp-pass-16' });
    const before = cognito.commandCalls(AdminSetUserMFAPreferenceCommand).length;
    await resetStaff(client(), POOL, 'li-qiang', { lostAuthenticator: true, password: () => 'New#Temp-pass-16' });

    // Assess
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]?.args[0].input).toMatchObject({
      Username: 'li-qiang',
      Password: 'New#Temp-pass-16',
      Permanent: false,
    });
    expect(before).toBe(0);
    expect(cognito.commandCalls(AdminSetUserMFAPreferenceCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminDeleteUserAttributesCommand)[0]?.args[0].input.UserAttributeNames).toEqual([
      'custom:mfa_enrolled_by',
    ]);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(2);
  });
});
