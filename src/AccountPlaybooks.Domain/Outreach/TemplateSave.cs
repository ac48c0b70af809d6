namespace AccountPlaybooks.Domain.Outreach;

/// A template version made live through the API (the Studio's Save) or by a save in a node's templates folder: who,
/// when and the text. The stored text is what every node loads (ADR 0027); a save refused by validation is not
/// recorded, as it changed nothing.
public sealed class TemplateSave
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string Author { get; set; }
    public DateTime SavedAt { get; set; }

    /// The template's text; null for saves recorded before texts were stored.
    public string? Text { get; set; }
}
