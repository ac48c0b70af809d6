using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data;

/// Stores a small list or dictionary as JSON text: the same column type on SQLite and PostgreSQL. Change tracking
/// compares and copies the values directly (comparing through JSON text was a large share of a full re-evaluation).
public static class JsonColumn
{
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Default) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (left, right) => left == null ? right == null : right != null && left.SequenceEqual(right),
                    value => value.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    value => new List<T>(value)))
            .IsRequired();

    public static PropertyBuilder<Dictionary<TKey, TValue>> HasJsonConversion<TKey, TValue>(this PropertyBuilder<Dictionary<TKey, TValue>> property)
        where TKey : notnull =>
        property.HasConversion(
                value => JsonSerializer.Serialize(value, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<TKey, TValue>>(json, JsonSerializerOptions.Default) ?? new Dictionary<TKey, TValue>(),
                new ValueComparer<Dictionary<TKey, TValue>>(
                    (left, right) => left == null ? right == null : right != null && left.Count == right.Count &&
                        left.All(pair => right.ContainsKey(pair.Key) && EqualityComparer<TValue>.Default.Equals(right[pair.Key], pair.Value)),
                    value => value.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
                    value => new Dictionary<TKey, TValue>(value)))
            .IsRequired();
}
