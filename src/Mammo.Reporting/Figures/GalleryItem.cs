namespace Mammo.Reporting.Figures;

/// <summary>One tile of <see cref="PatchGalleryFigure"/>: a grey patch with its caption.</summary>
/// <param name="Pixels">Row-major 8-bit grey pixels, row 0 at the top, exactly <paramref name="Size"/>² of them.</param>
/// <param name="Size">The patch's side in pixels.</param>
/// <param name="Caption">Up to three lines separated by '\n', drawn under the patch.</param>
/// <param name="Highlight">Draws a red frame around the patch, e.g. for a confident error, so the eye finds it first.</param>
public sealed record GalleryItem(byte[] Pixels, int Size, string Caption, bool Highlight);
