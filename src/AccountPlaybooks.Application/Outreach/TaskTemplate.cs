namespace AccountPlaybooks.Application.Outreach;

/// A template version that passed validation: its name ("tier1-research-brief"), text and content hash.
public sealed record TaskTemplate(string Name, string Text, string Hash)
{
    public string File => TemplatesFolder.FileOf(Name);

    /// The first twelve characters of the hash, enough to tell versions apart.
    public string ShortHash => Hash[..12];
}
