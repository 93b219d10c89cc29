namespace Mammo.Cli.Infrastructure;

/// <summary>
/// An option whose text the domain already parses (and refuses with an <see cref="InvalidSettingException"/>): the
/// converter only adds the option's name to the domain's message.
/// </summary>
public abstract class DomainOptionConverter<T> : OptionConverter<T>
{
    /// <summary>The domain's parser.</summary>
    /// <exception cref="InvalidSettingException">Not a value of the option.</exception>
    protected abstract T ParseText(string text);

    protected sealed override bool TryParse(string text, out T value, out string problem)
    {
        try
        {
            (value, problem) = (ParseText(text), string.Empty);
            return true;
        }
        catch (InvalidSettingException e)
        {
            (value, problem) = (default!, $"{OptionName}: {e.Message}");
            return false;
        }
    }
}
