namespace Mammo;

/// <summary>
/// A failure the user can fix: input that cannot be used, a setting Mammo does not accept, an output that would
/// destroy something. Its message is one line naming the file, field or value and saying why; it never names a
/// command-line option, because the same failure reaches a web page too (each front end adds its own hint).
/// Any other exception is a bug.
/// </summary>
public abstract class MammoException : Exception
{
    protected MammoException()
    {
    }

    protected MammoException(string message)
        : base(message)
    {
    }

    protected MammoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
