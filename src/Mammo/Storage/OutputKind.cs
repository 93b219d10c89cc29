namespace Mammo.Storage;

/// <summary>The folders Mammo writes, as recorded in their <see cref="OutputMarker"/>.</summary>
public enum OutputKind
{
    Patches,
    Run,
    Experiment,
    Localisation,
    Figures,
    Demo,
}
