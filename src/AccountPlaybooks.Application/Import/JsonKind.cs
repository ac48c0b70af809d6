namespace AccountPlaybooks.Application.Import;

/// What a JSON value was, for fields that accept only some kinds (<see cref="FieldSpec{T}.Accepts"/>).
[Flags]
public enum JsonKind
{
    None = 0,
    Text = 1,
    Number = 2,
    Boolean = 4,

    /// An array whose items are all strings.
    TextList = 8,

    /// An array holding numbers, objects or arrays.
    OtherList = 16,
    Object = 32,
    Null = 64,

    /// A string that is not valid Unicode (an escaped lone surrogate such as "\ud800").
    InvalidText = 128,
}
