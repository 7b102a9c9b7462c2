using FluentValidation;
using SharedServices.Core.Editing;

namespace SharedServices.Core.Access;

/// <summary>The administrator's "Add a person" form: who, which roles, and a first password typed twice.</summary>
public sealed class AccountForm
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public HashSet<string> Roles { get; } = [];
    public string Password { get; set; } = "";
    public string PasswordAgain { get; set; } = "";

    public NewAccount ToNewAccount(string organisationCode) =>
        new(Email.Trim(), Name.Trim(), organisationCode, Access.Roles.All.Where(Roles.Contains).ToList(), Password);
}

/// <summary>
/// The form's own checks, field by field, before <see cref="UserAccounts.AddAsync"/> runs Identity's (a taken
/// address, the password's variety), which the page shows against the field they name too.
/// </summary>
public sealed class AccountFormValidator : FormValidator<AccountForm>
{
    public AccountFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name: enter the person's name.")
            .Must(n => n.Trim().Length <= UserAccount.MaxDisplayNameLength)
            .WithMessage($"Name: keep it to {UserAccount.MaxDisplayNameLength} characters.");
        RuleFor(f => f.Email)
            .Must(e => System.Net.Mail.MailAddress.TryCreate(e.Trim(), out var parsed) && parsed.Address == e.Trim())
            .WithMessage("E-mail: enter an address like jane.smith@council.gov.uk.");
        RuleFor(f => f.Password).Cascade(CascadeMode.Stop)
            .Must(p => p.Length >= AccountPolicy.MinimumPasswordLength)
            .WithMessage($"Password: use at least {AccountPolicy.MinimumPasswordLength} characters; a few words together is easiest to remember.")
            .Must(p => p.Length <= AccountPolicy.MaximumPasswordLength)
            .WithMessage($"Password: use at most {AccountPolicy.MaximumPasswordLength} characters.");
        RuleFor(f => f.PasswordAgain)
            .Must((form, again) => again == form.Password).WithMessage("Password again: type the same password twice.");
    }
}
