// Members in the dashboard against the simulator: invite by e-mail with a role, change the role,
// remove (asks first, names the person), a team's list with team roles; axe.
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, fileDashboard, openMain, screenshotPath, test } from './fixtures';

const dash = fileDashboard();

function northwind() {
  const { sim } = dash();
  const org = [...sim.world.orgs.values()].find((o) => o.name.startsWith('Northwind'))!;
  const host = sim.world.zoneHost(org.zone);
  const team = [...sim.world.teams.values()].find((t) => t.organizationId === org.id)!;
  return { org, orgKey: `${host}/o${org.id}`, team, teamKey: `${host}/t${team.id}` };
}

async function openMembers(page: Page, orgKey: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await openMain(page, dash().url);
  await page.getByTestId('nav-members').click();
  await page.getByTestId('members-org').selectOption(orgKey);
  await expect(page.getByTestId('members-table')).toBeVisible({ timeout: 30_000 });
}

const rowNamed = (page: Page, name: string) => page.getByTestId('member-row').filter({ has: page.getByTestId('member-name').getByText(name, { exact: true }) });

test('invite a member, change their role, and remove them', async ({ page, consoleErrors }) => {
  const { sim } = dash();
  const { org, orgKey } = northwind();
  await openMembers(page, orgKey);
  const owner = sim.world.users.get(sim.demoUserId)!;
  await expect(rowNamed(page, owner.name).getByTestId('member-role-text')).toHaveText('Owner');

  await page.getByTestId('member-invite').click();
  const form = page.getByTestId('member-invite-form');
  await form.getByLabel('E-mail address').fill('kenji@example.jp');
  await form.getByLabel('Role').selectOption({ label: 'Accountant' });
  await form.getByLabel('Name (optional)').fill('Kenji Sato');
  await form.getByTestId('invite-submit').click();
  const row = rowNamed(page, 'Kenji Sato');
  await expect(row).toBeVisible();
  await expect(row).toContainText('Invitation pending');
  const userId = Number(await row.getAttribute('data-user-id'));
  expect(sim.world.orgMembership(org.id, userId)).toBeDefined();

  const select = row.getByRole('combobox', { name: 'Role of Kenji Sato' });
  await expect(select).toHaveValue(String(sim.world.orgMembership(org.id, userId)!.usersRoleId));
  await select.selectOption({ label: 'Admin' });
  await expect(page.getByTestId('toasts')).toContainText('Kenji Sato is now Admin.');
  expect(sim.world.orgMembership(org.id, userId)!.usersRoleId).toBe(Number(await select.inputValue()));

  await row.getByTestId('member-remove').click();
  const dialog = page.getByTestId('member-remove-dialog');
  await expect(dialog).toContainText(`Remove Kenji Sato from ${org.name}?`);
  await dialog.getByTestId('member-remove-confirm').click();
  await expect(row).toHaveCount(0);
  expect(sim.world.orgMembership(org.id, userId)).toBeUndefined();
  expect(consoleErrors).toEqual([]);
});

test('a team’s members with team roles; a team role change reaches Make', async ({ page, consoleErrors }) => {
  const { sim } = dash();
  const { orgKey, team, teamKey } = northwind();
  await openMembers(page, orgKey);
  await page.getByTestId('members-team').selectOption(teamKey);
  const row = page.getByTestId('member-row').filter({ has: page.getByTestId('member-role') }).first();
  await expect(row).toBeVisible();
  const select = row.getByTestId('member-role');
  await expect(select.locator('option', { hasText: 'Team monitoring' })).toHaveCount(1);
  const userId = Number(await row.getAttribute('data-user-id'));
  const current = (await select.locator('option:checked').textContent()) ?? '';
  const next = current === 'Team operator' ? 'Team monitoring' : 'Team operator';
  await select.selectOption({ label: next });
  await expect(page.getByTestId('toasts')).toContainText(`is now ${next}.`);
  expect(sim.world.teamMembership(team.id, userId)?.usersRoleId).toBe(Number(await select.inputValue()));
  expect(consoleErrors).toEqual([]);
});

test('the members screen passes axe (list, invite form, remove question)', async ({ page, consoleErrors }) => {
  const { orgKey } = northwind();
  await openMembers(page, orgKey);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('member-invite').click();
  await expect(page.getByTestId('invite-role')).toBeVisible();
  const found = await seriousViolations(page, 'members (en-light)');
  await page.screenshot({ path: screenshotPath('members-en-light') });
  await page.getByTestId('member-remove').first().click();
  await expect(page.getByTestId('member-remove-dialog')).toBeVisible();
  found.push(...(await seriousViolations(page, 'members remove dialog (en-light)')));
  expect(found).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
