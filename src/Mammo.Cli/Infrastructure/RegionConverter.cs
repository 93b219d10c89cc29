namespace Mammo.Cli.Infrastructure;

/// <summary><c>--at x,y,r</c>: three numbers. Whether the region fits the image is the image's to say.</summary>
public sealed class RegionConverter : OptionConverter<PixelCircle>
{
    protected override string OptionName => "--at";

    protected override bool TryParse(string text, out PixelCircle value, out string problem)
    {
        var numbers = Numbers(text);
        value = numbers.Length == 3 ? new PixelCircle(numbers[0], numbers[1], numbers[2]) : default;
        problem = $"{OptionName} '{text}': expected three numbers x,y,r, e.g. 535,425,197";
        return numbers.Length == 3 && numbers.All(double.IsFinite);
    }
}
