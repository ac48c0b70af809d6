namespace AccountPlaybooks.Workflows.Activities;

/// <summary>How an input is typed, checked and edited in the designer.</summary>
public enum InputKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An ISO-8601 duration such as PT24H or P3D.</summary>
    Duration,

    /// <summary>A condition in the rules' sandboxed expression language, checked by the host.</summary>
    Expression,

    /// <summary>A list of texts.</summary>
    TextList,

    /// <summary>One of <see cref="InputAttribute.Options"/>.</summary>
    Choice,

    /// <summary>An object of text values.</summary>
    Map,

    /// <summary>The name of a task template, checked by the host.</summary>
    Template,
}
