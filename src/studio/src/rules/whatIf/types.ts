import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type WhatIfReport = Schemas['WhatIfReport'];
export type WhatIfMover = Schemas['WhatIfMover'];
export type WhatIfProgress = Schemas['WhatIfProgress'];
export type WhatIfStreamLine = Schemas['WhatIfStreamLine'];
export type WhatIfPlaybook = Schemas['WhatIfPlaybook'];
export type WhatIfRepTasks = Schemas['WhatIfRepTasks'];
