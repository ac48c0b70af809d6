using System.Reflection;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>The activity types a host offers, described from their classes' attributes. The engine's own
/// (Start, Delay, WaitForSignal, Decision, Fork, Join, End) are always there; hosts add theirs.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);

    /// <summary>A registry with the engine's activities and those of the given assemblies.</summary>
    public ActivityRegistry(params Assembly[] more)
    {
        foreach (var assembly in more.Prepend(typeof(ActivityRegistry).Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Activity)) && !t.IsAbstract))
            {
                Add(type);
            }
        }
    }

    /// <summary>Every activity type, sorted by category then name.</summary>
    public IReadOnlyList<ActivityDescriptor> All => _byType.Values.OrderBy(d => d.Category).ThenBy(d => d.Type).ToList();

    /// <summary>The descriptor of a type name, if it exists.</summary>
    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);

    /// <summary>Throws, naming every activity and the service it lacks, unless <paramref name="offers"/> says the host
    /// offers all the services the activities declare. Hosts call it at start-up, so a missing service stops the host
    /// instead of failing playbooks mid-run. Returns the registry.</summary>
    public ActivityRegistry RequireServices(Func<Type, bool> offers)
    {
        var unmet = _byType.Values.OrderBy(d => d.Type, StringComparer.Ordinal)
            .SelectMany(d => d.Needs.Where(type => !offers(type)).Select(type => Unmet(d, type))).ToList();
        return unmet.Count == 0 ? this : throw new InvalidOperationException(string.Join("; ", unmet));
    }

    internal static string Unmet(ActivityDescriptor descriptor, Type service) =>
        $"activity {descriptor.Type} needs {service.Name}, which the host does not offer";

    private void Add(Type type)
    {
        var activity = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} needs an [Activity] attribute");
        var inputs = type.GetProperties()
            .Select(p => (Property: p, Input: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Input is not null)
            .Select(p => new InputDescriptor(JsonName(p.Property.Name), p.Input!.Kind, p.Input.Description, p.Input.Required, p.Input.Options, p.Input.Default)
            {
                AddsPort = p.Input.AddsPort,
            })
            .ToList();
        // What it needs from the host: its one public constructor's parameters (activities declare, never look up).
        var constructor = type.GetConstructors() is [var only] ? only
            : throw new InvalidOperationException($"{type.Name} needs exactly one public constructor (its parameters are the services it needs)");
        var name = type.Name;
        _byType[name] = new ActivityDescriptor(name, activity.Category, activity.Description, inputs, activity.Ports, activity.Waits)
        {
            ClrType = type, PortsInput = activity.PortsInput, Needs = [.. constructor.GetParameters().Select(p => p.ParameterType)],
        };
    }

    internal static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
