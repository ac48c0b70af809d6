namespace AccountPlaybooks.Domain.Outreach;

/// A template version someone made live through the API (the Studio's Save): who and when. The text lives in the
/// templates folder; a save refused by validation is not recorded, as it changed nothing.
public sealed class TemplateSave
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string Author { get; set; }
    public DateTime SavedAt { get; set; }
}
