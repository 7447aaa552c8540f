// Believable names for the demo world: apps, scenario templates (English and Japanese), people, folders
// and the error messages Make shows for them.

export const APP_NAMES: Record<string, string> = {
  gateway: 'Webhooks',
  shopify: 'Shopify',
  slack: 'Slack',
  gmail: 'Gmail',
  'google-drive': 'Google Drive',
  'google-sheets': 'Google Sheets',
  'google-calendar': 'Google Calendar',
  hubspotcrm: 'HubSpot CRM',
  salesforce: 'Salesforce',
  stripe: 'Stripe',
  notion: 'Notion',
  airtable: 'Airtable',
  trello: 'Trello',
  asana: 'Asana',
  mailchimp: 'Mailchimp',
  typeform: 'Typeform',
  xero: 'Xero',
  quickbooks: 'QuickBooks',
  freee: 'freee',
  chatwork: 'Chatwork',
  line: 'LINE',
  kintone: 'kintone',
  openai: 'OpenAI',
  http: 'HTTP',
  'json': 'JSON',
  util: 'Tools',
  builtin: 'Flow Control',
  datastore: 'Data store',
  'microsoft-teams': 'Microsoft Teams',
  zendesk: 'Zendesk',
  woocommerce: 'WooCommerce',
  pipedrive: 'Pipedrive',
  'scenario-service': 'Scenarios',
};

export interface ScenarioTemplate {
  name: string;
  /** `app:Module` per flow step, trigger first. */
  modules: string[];
}

export const SCENARIO_TEMPLATES: ScenarioTemplate[] = [
  { name: 'Shopify → Slack order alerts', modules: ['shopify:WatchOrders', 'util:SetVariable', 'slack:CreateMessage'] },
  { name: 'New Typeform leads to HubSpot', modules: ['typeform:WatchResponses', 'hubspotcrm:CreateContact', 'slack:CreateMessage'] },
  { name: 'Stripe payments → Google Sheets ledger', modules: ['stripe:WatchEvents', 'google-sheets:AddRow'] },
  { name: 'Gmail invoices to Google Drive', modules: ['gmail:WatchEmails', 'builtin:BasicFeeder', 'google-drive:UploadFile'] },
  { name: 'Daily sales digest to Slack', modules: ['shopify:SearchOrders', 'util:TextAggregator', 'slack:CreateMessage'] },
  { name: 'Sync Airtable inventory to Shopify', modules: ['airtable:SearchRecords', 'builtin:BasicFeeder', 'shopify:UpdateProductVariant'] },
  { name: 'Notion tasks → Google Calendar', modules: ['notion:WatchDatabaseItems', 'google-calendar:CreateEvent'] },
  { name: 'Mailchimp unsubscribe sync', modules: ['mailchimp:WatchUnsubscribes', 'hubspotcrm:UpdateContact'] },
  { name: 'Zendesk tickets → Microsoft Teams', modules: ['zendesk:WatchTickets', 'microsoft-teams:CreateMessage'] },
  { name: 'Salesforce won deals to Xero invoices', modules: ['salesforce:WatchRecords', 'xero:CreateInvoice', 'gmail:SendEmail'] },
  { name: 'WooCommerce orders → QuickBooks', modules: ['woocommerce:WatchOrders', 'quickbooks:CreateSalesReceipt'] },
  { name: 'Pipedrive deal stage alerts', modules: ['pipedrive:WatchDeals', 'builtin:BasicRouter', 'slack:CreateMessage'] },
  { name: 'Weekly KPI report email', modules: ['google-sheets:GetRange', 'openai:CreateCompletion', 'gmail:SendEmail'] },
  { name: 'Trello cards → Asana tasks', modules: ['trello:WatchCards', 'asana:CreateTask'] },
  { name: 'Backup Airtable base to Drive', modules: ['airtable:SearchRecords', 'json:CreateJSON', 'google-drive:UploadFile'] },
  { name: 'Abandoned cart follow-up', modules: ['shopify:WatchAbandonedCheckouts', 'util:Sleep', 'mailchimp:AddSubscriber'] },
  { name: 'Summarize support emails with OpenAI', modules: ['gmail:WatchEmails', 'openai:CreateCompletion', 'notion:CreateDatabaseItem'] },
  { name: 'Refund requests triage', modules: ['typeform:WatchResponses', 'stripe:SearchCharges', 'zendesk:CreateTicket'] },
  { name: 'New customer onboarding checklist', modules: ['hubspotcrm:WatchContacts', 'asana:CreateProject', 'slack:CreateMessage'] },
  { name: 'Low stock warning', modules: ['shopify:SearchProducts', 'builtin:BasicFeeder', 'slack:CreateMessage'] },
  { name: 'Calendar bookings → CRM', modules: ['google-calendar:WatchEvents', 'pipedrive:CreateActivity'] },
  { name: 'Lead scoring with OpenAI', modules: ['hubspotcrm:WatchContacts', 'openai:CreateCompletion', 'hubspotcrm:UpdateContact'] },
  { name: 'Export Stripe payouts monthly', modules: ['stripe:ListPayouts', 'google-sheets:AddRow', 'gmail:SendEmail'] },
  { name: 'Sync contacts HubSpot ↔ Mailchimp', modules: ['hubspotcrm:WatchContacts', 'mailchimp:AddSubscriber'] },
  { name: 'Website form → Slack #leads', modules: ['gateway:CustomWebHook', 'slack:CreateMessage'] },
  { name: 'Inbound webhook → Airtable', modules: ['gateway:CustomWebHook', 'json:ParseJSON', 'airtable:CreateRecord'] },
  { name: 'Order status webhook to customer email', modules: ['gateway:CustomWebHook', 'gmail:SendEmail'] },
  { name: 'Slack standup collector', modules: ['slack:WatchMessages', 'notion:CreateDatabaseItem'] },
  { name: 'Archive closed Zendesk tickets', modules: ['zendesk:SearchTickets', 'google-drive:UploadFile'] },
  { name: 'Product feed refresh', modules: ['http:ActionGetFile', 'json:ParseJSON', 'shopify:UpdateProduct'] },
  { name: '請求書をGoogleドライブに保存', modules: ['gmail:WatchEmails', 'google-drive:UploadFile'] },
  { name: 'freeeの取引をスプレッドシートに記録', modules: ['freee:WatchDeals', 'google-sheets:AddRow'] },
  { name: '新規注文をChatworkに通知', modules: ['shopify:WatchOrders', 'chatwork:CreateMessage'] },
  { name: 'kintoneの顧客情報をHubSpotへ同期', modules: ['kintone:WatchRecords', 'hubspotcrm:UpdateContact'] },
  { name: '問い合わせフォームをLINEに転送', modules: ['gateway:CustomWebHook', 'line:SendPushMessage'] },
  { name: '日次売上レポートの作成', modules: ['shopify:SearchOrders', 'google-sheets:AddRow', 'gmail:SendEmail'] },
  { name: '在庫アラートをSlackへ', modules: ['airtable:SearchRecords', 'slack:CreateMessage'] },
  { name: '経費精算の承認フロー', modules: ['kintone:WatchRecords', 'builtin:BasicRouter', 'chatwork:CreateMessage'] },
  { name: '予約確認メールの自動送信', modules: ['google-calendar:WatchEvents', 'gmail:SendEmail'] },
  { name: '請求書PDFをfreeeに登録', modules: ['google-drive:WatchFiles', 'freee:CreateReceipt'] },
  { name: 'アンケート結果をNotionに集約', modules: ['typeform:WatchResponses', 'notion:CreateDatabaseItem'] },
  { name: '月次請求データのバックアップ', modules: ['freee:ListInvoices', 'json:CreateJSON', 'google-drive:UploadFile'] },
];

/** Scenarios run on demand with an input interface (called like a function). */
export const INPUT_SCENARIO_TEMPLATES: ScenarioTemplate[] = [
  { name: 'Look up customer by email', modules: ['scenario-service:StartSubscenario', 'hubspotcrm:SearchContacts', 'scenario-service:ReturnData'] },
  { name: 'Create draft invoice', modules: ['scenario-service:StartSubscenario', 'xero:CreateInvoice', 'scenario-service:ReturnData'] },
  { name: '顧客情報の検索', modules: ['scenario-service:StartSubscenario', 'kintone:SearchRecords', 'scenario-service:ReturnData'] },
  { name: 'Resend order confirmation', modules: ['scenario-service:StartSubscenario', 'shopify:GetOrder', 'gmail:SendEmail', 'scenario-service:ReturnData'] },
];

export const NAME_SUFFIXES = ['', ' (EU)', ' (US)', ' v2', ' – staging', ' #2', ' (backup)', ' – legacy', ' (B2B)', ' – new'];

export const FOLDER_NAMES = ['Sales', 'Finance', 'Ops', 'Marketing', 'Support', 'Archive', 'Internal', '経理', 'Reporting'];

export const PEOPLE: { name: string; email: string }[] = [
  { name: 'Alex Morgan', email: 'alex@northwind.example' },
  { name: 'Priya Raman', email: 'priya@northwind.example' },
  { name: 'Jonas Weber', email: 'jonas@northwind.example' },
  { name: '佐藤 花子', email: 'hanako.sato@sakura-foods.example' },
  { name: '鈴木 一郎', email: 'ichiro.suzuki@sakura-foods.example' },
  { name: 'Maria Garcia', email: 'maria@acme-outdoor.example' },
  { name: 'Tom Becker', email: 'tom@acme-outdoor.example' },
  { name: 'Lena Fischer', email: 'lena@northwind.example' },
  { name: 'Kenji Tanaka', email: 'kenji.tanaka@sakura-foods.example' },
  { name: 'Sam Okafor', email: 'sam@northwind.example' },
];

export const TEAM_NAMES = ['Operations', 'Marketing', 'Finance', 'Support', 'E-commerce', 'Sales', 'Data', 'Internal tools', 'Client A', 'Client B'];

export const ERROR_MESSAGES: { name: string; message: string }[] = [
  { name: 'ConnectionError', message: 'The connection was reset by the remote server.' },
  { name: 'RuntimeError', message: '[429] Too many requests. Rate limit exceeded.' },
  { name: 'InvalidAccessTokenError', message: '[401] Invalid authentication credentials. The access token expired or was revoked.' },
  { name: 'DataError', message: "Missing value of required parameter 'channel'." },
  { name: 'RuntimeError', message: '[500] Internal Server Error' },
  { name: 'DataError', message: 'Validation failed for 1 parameter(s). Invalid email address in parameter "to".' },
  { name: 'IncompleteDataError', message: 'The requested resource was not found: record does not exist.' },
  { name: 'ConnectionError', message: 'ETIMEDOUT: request timed out after 40 seconds.' },
];

export const WARNING_MESSAGES: { name: string; message: string }[] = [
  { name: 'Warning', message: 'Some bundles were skipped: 2 items had an empty email field.' },
  { name: 'Warning', message: 'The search returned more than 100 results; only the first 100 were processed.' },
  { name: 'Warning', message: 'Rounding applied to 1 amount field.' },
];

export const appOfModule = (module: string): string => module.split(':')[0] ?? module;
export const appName = (slug: string): string => APP_NAMES[slug] ?? slug;
