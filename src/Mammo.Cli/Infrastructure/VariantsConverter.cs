using Mammo.Imaging;

namespace Mammo.Cli.Infrastructure;

/// <summary><c>--variants</c> of <c>patches</c> and <c>show</c>.</summary>
public sealed class VariantsConverter : EnumOptionConverter<VariantScheme>
{
    protected override string OptionName => "--variants";

    protected override string Item => "variant scheme";
}
