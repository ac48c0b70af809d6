using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountPlaybooks.Data.Settings;

/// Every configuration section goes through here: bound with the Options pattern, checked by its data annotations (and
/// <see cref="IValidatableObject"/> rules) and validated on start, so a bad setting stops the start with its key named
/// ("Api:MaxRequestBytes: …") instead of failing hours later. Services keep taking the options class itself.
public static class SettingsBinding
{
    /// Registers <typeparamref name="T"/> from <paramref name="section"/> (IOptions of T and T itself) and returns the
    /// validated value for set-up code that needs it now; throws <see cref="OptionsValidationException"/> when invalid.
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return Read<T>(configuration, section);
    }

    /// The section's value, validated, without registering it.
    public static T Read<T>(IConfiguration configuration, string section) where T : class, new()
    {
        var value = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new SettingsValidator<T>(section).Validate(Options.DefaultName, value);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : value;
    }
}

/// Validates an options object and the objects inside it (a webhook in a dictionary, a territory in a list), naming
/// each failure by its configuration key. Values are never quoted: some settings are secrets.
public sealed class SettingsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Collect(options, section, failures, depth: 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object value, string path, List<string> failures, int depth)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.ToList();
            var keys = members.Count == 0 ? path : string.Join(", ", members.Select(member => $"{path}:{member}"));
            failures.Add($"{keys}: {result.ErrorMessage}");
        }
        if (depth > 4)
        {
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetValue(value) is not { } child || IsLeaf(child.GetType()))
            {
                continue;
            }
            var childPath = $"{path}:{property.Name}";
            switch (child)
            {
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is { } item && !IsLeaf(item.GetType()))
                        {
                            Collect(item, $"{childPath}:{entry.Key}", failures, depth + 1);
                        }
                    }
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is not null && !IsLeaf(item.GetType()))
                        {
                            Collect(item, $"{childPath}:{index}", failures, depth + 1);
                        }
                        index++;
                    }
                    break;
                default:
                    Collect(child, childPath, failures, depth + 1);
                    break;
            }
        }
    }

    /// Values with nothing inside to validate: numbers, text, dates, enums.
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(Guid) || type == typeof(Uri);
}
