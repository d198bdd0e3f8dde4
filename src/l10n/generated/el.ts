
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'cm.accept-all': `Αποδοχή όλων`,
'cm.banner.change': str`Για να αλλάξετε την επιλογή σας αργότερα, χρησιμοποιήστε το «${0}» σε αυτή τη σελίδα.`,
'cm.banner.others.few': str`${0} ακόμη`,
'cm.banner.others.many': str`${0} ακόμη`,
'cm.banner.others.one': str`${0} ακόμη`,
'cm.banner.others.other': str`${0} ακόμη`,
'cm.banner.others.two': str`${0} ακόμη`,
'cm.banner.others.zero': str`${0} ακόμη`,
'cm.banner.partners': str`Συνεργαζόμαστε με τους εξής συνεργάτες: ${0}.`,
'cm.banner.policy': `Πολιτική cookies`,
'cm.banner.text': `Ορισμένα cookies είναι απαραίτητα για τη λειτουργία αυτού του ιστότοπου. Με τη συγκατάθεσή σας, χρησιμοποιούμε και προαιρετικά cookies, για παράδειγμα για τη μέτρηση των επισκέψεων ή την απομνημόνευση των ρυθμίσεών σας. Μπορείτε να αλλάξετε την επιλογή σας ανά πάσα στιγμή.`,
'cm.banner.title': `Αυτός ο ιστότοπος χρησιμοποιεί cookies`,
'cm.category.always-on': `Πάντα ενεργά`,
'cm.category.analytics': `Απόδοση και αναλύσεις`,
'cm.category.analytics.description': `Μετρούν τις επισκέψεις και τις πηγές επισκεψιμότητας, ώστε να μπορούμε να αξιολογούμε και να βελτιώνουμε τη λειτουργία του ιστότοπου.`,
'cm.category.marketing': `Μάρκετινγκ`,
'cm.category.marketing.description': `Μετρούν τις διαφημιστικές καμπάνιες και σας δείχνουν διαφημίσεις σύμφωνα με τα ενδιαφέροντά σας, εδώ και σε άλλους ιστότοπους.`,
'cm.category.necessary': `Απολύτως απαραίτητα`,
'cm.category.necessary.description': `Απαραίτητα για τη λειτουργία του ιστότοπου: σύνδεση, ασφάλεια και απομνημόνευση της επιλογής σας για τα cookies. Δεν μπορούν να απενεργοποιηθούν.`,
'cm.category.payments': `Πληρωμές`,
'cm.category.payments.description': `Επεξεργάζονται τις πληρωμές με ασφάλεια και βοηθούν στον εντοπισμό και την πρόληψη της απάτης.`,
'cm.category.preferences': `Προτιμήσεις`,
'cm.category.preferences.description': `Θυμούνται τις ρυθμίσεις σας, όπως τη γλώσσα ή το θέμα, ώστε να μη χρειάζεται να τις ορίζετε ξανά.`,
'cm.cookies.first-party': `Πρώτου μέρους`,
'cm.cookies.lifetime': `Διάρκεια`,
'cm.cookies.name': `Όνομα`,
'cm.cookies.none': `Δεν αναφέρονται cookies για αυτή την κατηγορία.`,
'cm.cookies.own-purpose': `Θυμάται τις επιλογές σας για τα cookies. Αν τα cookies είναι αποκλεισμένα, αποθηκεύονται στον τοπικό χώρο αποθήκευσης αυτού του προγράμματος περιήγησης.`,
'cm.cookies.party': `Τύπος`,
'cm.cookies.provider': `Πάροχος`,
'cm.cookies.purpose': `Σκοπός`,
'cm.cookies.summary': `Cookies αυτής της κατηγορίας`,
'cm.cookies.third-party': `Τρίτου μέρους`,
'cm.cookies.this-site': `Αυτός ο ιστότοπος`,
'cm.customize': `Προσαρμογή`,
'cm.gpc': `Το πρόγραμμα περιήγησής σας στέλνει σήμα Global Privacy Control και το σεβόμαστε.`,
'cm.placeholder.allow': `Αποδοχή και φόρτωση`,
'cm.placeholder.also': str`Επιτρέποντας την κατηγορία «${0}» επιτρέπετε επίσης: ${1}.`,
'cm.placeholder.text': str`Αυτό το περιεχόμενο παραμένει αποκλεισμένο μέχρι να επιτρέψετε την κατηγορία «${0}».`,
'cm.placeholder.title': str`Περιεχόμενο από ${0}`,
'cm.preferences.close': `Κλείσιμο`,
'cm.preferences.save': `Αποθήκευση επιλογών`,
'cm.preferences.text': `Επιλέξτε ποια προαιρετικά cookies μπορεί να χρησιμοποιεί αυτός ο ιστότοπος. Τα cookies που χρειάζεται ο ιστότοπος για να λειτουργεί είναι πάντα ενεργά. Μπορείτε να αλλάξετε την επιλογή σας ανά πάσα στιγμή.`,
'cm.preferences.title': `Ρυθμίσεις cookies`,
'cm.reject-all': `Απόρριψη όλων`,
'cm.table.allowed': `Η επιλογή σας: επιτρέπεται`,
'cm.table.change': `Αλλαγή ρυθμίσεων cookies`,
'cm.table.denied': `Η επιλογή σας: δεν επιτρέπεται`,
    };
  