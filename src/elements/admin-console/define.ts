import { register } from '../shared/define.js';
import { AdminConsole } from './admin-console.js';
import { AdminAudit } from './audit-log.js';
import { AdminRequests } from './module-requests.js';
import { AdminPeople } from './people.js';
import { AdminSessionPage } from './session-page.js';
import { AdminSessionForm } from './session-form.js';
import { AdminSessionsTable } from './sessions-table.js';
import { AdminSignIn } from './sign-in.js';

register('mobilise-admin-sign-in', AdminSignIn);
register('mobilise-admin-sessions', AdminSessionsTable);
register('mobilise-admin-people', AdminPeople);
register('mobilise-admin-audit', AdminAudit);
register('mobilise-admin-requests', AdminRequests);
register('mobilise-admin-session', AdminSessionPage);
register('mobilise-admin-session-form', AdminSessionForm);
register('mobilise-admin-console', AdminConsole);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-admin-console': AdminConsole;
    'mobilise-admin-sign-in': AdminSignIn;
    'mobilise-admin-sessions': AdminSessionsTable;
    'mobilise-admin-session-form': AdminSessionForm;
    'mobilise-admin-session': AdminSessionPage;
    'mobilise-admin-people': AdminPeople;
    'mobilise-admin-audit': AdminAudit;
    'mobilise-admin-requests': AdminRequests;
  }
}
