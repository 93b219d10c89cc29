namespace Mammo.Storage;

/// <summary>
/// An enum member's former name: still read wherever the member's name is (the command line, JSON files), never
/// written, so that scripts and files from before a rename keep working.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class EnumAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
