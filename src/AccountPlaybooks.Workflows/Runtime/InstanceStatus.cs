namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>Where an instance is in its life.</summary>
public enum InstanceStatus
{
    /// <summary>Waiting on at least one bookmark.</summary>
    Waiting,

    /// <summary>Every path ended.</summary>
    Finished,

    /// <summary>Stopped from outside (exit policy, a person); its bookmarks are gone.</summary>
    Cancelled,

    /// <summary>An activity failed after its retries; see the incident.</summary>
    Faulted,
}
