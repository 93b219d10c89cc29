namespace Mammo;

/// <summary>
/// A value given to Mammo that it does not accept: an unknown task or network, a radius rule it cannot read,
/// a number out of range. <see cref="Setting"/> names the setting in Mammo's words (e.g. "radius rule").
/// </summary>
public class InvalidSettingException : MammoException
{
    public InvalidSettingException()
    {
    }

    public InvalidSettingException(string message)
        : base(message)
    {
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidSettingException(string setting, string message)
        : base(message) => Setting = setting;

    /// <summary>The setting refused, when known.</summary>
    public string? Setting { get; }
}
