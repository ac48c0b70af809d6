/** The 24 choices of the digest hour, in the rep's own time ("08:00"). */
export const digestHours = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

/** What the address field asks for on a channel of this format: Slack wants a member id to mention, a relay an e-mail. */
export function addressField(format: string | undefined): { label: string; placeholder: string; description: string } {
  return format === 'slack'
    ? { label: 'Your Slack member ID', placeholder: 'U0123ABCD', description: 'Slack → your profile → ⋮ → Copy member ID. Messages mention you.' }
    : { label: 'Deliver to (e-mail)', placeholder: 'you@company.com', description: 'Empty: the e-mail address of your rep record.' };
}
