using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SharedServices.Core.Editing;
using SharedServices.Core.Persistence;
using SharedServices.Domain.Organisations;

namespace SharedServices.Core.Organisations;

/// <summary>The organisation form: what a user types, before it becomes an <see cref="Organisation"/>.</summary>
public sealed class OrganisationForm
{
    /// <summary>The longest text each field takes, as the database stores it (a short code and a GSS code have fixed shapes).</summary>
    public const int NameMaxLength = 200, ShortCodeMaxLength = 10, GssCodeMaxLength = 9, NotesMaxLength = 2000;

    public int? Id { get; set; }

    /// <summary>The organisation's version when the form was loaded: the save is refused if someone else has saved since.</summary>
    public int? Version { get; set; }

    public string Name { get; set; } = "";
    public string ShortCode { get; set; } = "";
    public OrganisationKind Kind { get; set; } = OrganisationKind.UnitaryAuthority;
    public string? GssCode { get; set; }
    public string? Notes { get; set; }

    /// <summary>Working days after publication during which a decision can be called in (the council's constitution).</summary>
    public int CallInWorkingDays { get; set; } = Organisation.DefaultCallInWorkingDays;

    public static OrganisationForm From(Organisation o) =>
        new()
        {
            Version = o.Version,
            Id = o.Id, Name = o.Name, ShortCode = o.ShortCode, Kind = o.Kind, GssCode = o.GssCode, Notes = o.Notes,
            CallInWorkingDays = o.CallInWorkingDays,
        };
}

public sealed class OrganisationFormValidator : FormValidator<OrganisationForm>
{
    public OrganisationFormValidator(IDbContextFactory<SharedServicesDbContext> contextFactory)
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("Name: enter the organisation's name.").MaxLength("Name", OrganisationForm.NameMaxLength);
        RuleFor(o => o.ShortCode).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Short code: enter a short code, such as IWC.")
            .Must(c => Organisation.IsValidShortCode(c.Trim())).WithMessage("Short code: use 2 to 10 capital letters or digits, such as IWC.")
            .MustAsync(async (form, code, cancel) =>
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancel);
                var trimmed = code.Trim();
                return !await db.Organisations.AnyAsync(o => o.ShortCode == trimmed && o.Id != (form.Id ?? 0), cancel);
            }).WithMessage(o => $"Short code: another organisation already uses the code {o.ShortCode.Trim()}.");
        RuleFor(o => o.Kind).IsInEnum().WithMessage("Kind: choose the kind of organisation.");
        RuleFor(o => o.GssCode).Must(c => string.IsNullOrWhiteSpace(c) || Organisation.IsValidGssCode(c.Trim().ToUpperInvariant()))
            .WithMessage("GSS code: enter a letter and eight digits, such as E06000046.");
        RuleFor(o => o.Notes).MaxLength("Notes", OrganisationForm.NotesMaxLength);
        RuleFor(o => o.CallInWorkingDays).InclusiveBetween(1, 30)
            .WithMessage("Call-in period (working days): enter a number from 1 to 30.");
    }
}
