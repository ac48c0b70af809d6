namespace AccountPlaybooks.Bench.Timers;

/// What one `timers` run measures: N due timers for ours, the floor and the raw per-timer loop, fewer for Quartz
/// (one trigger each), the folder holding the benchmark's playbook, and whether ours is taken apart.
public sealed record TimersBenchSettings(int Timers, int QuartzTimers, string Workflows, bool Breakdown);
