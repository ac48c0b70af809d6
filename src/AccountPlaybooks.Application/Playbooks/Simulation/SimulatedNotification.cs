namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// A webhook notification the run queued (Notify, SLA warnings and breaches). Never sent: it stayed in the
/// throwaway outbox. Payload is the body that would have been posted.
public sealed record SimulatedNotification(string Webhook, string Event, string Payload, DateTime At);
