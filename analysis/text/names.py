"""Common given names in the UK, for redaction.

A broad list across ages and the communities Heard serves (England and Wales birth
registrations, with names common among Polish, Romanian, South Asian, Arabic-speaking
and Somali families). Names that are also ordinary English words are kept apart: they
are redacted only when a cue ("my worker Will") or a capital letter mid-sentence says
they are names.
"""

from __future__ import annotations

GIVEN_NAMES = frozenset(
    """
aaliyah aaron abdi abdul abdullah abigail abdirahman ada adam adrian ahmed ahmad aidan
aiden aisha alan albert alex alexander alexandra alfie ali alice alicia alisha alison
amara amelia amina amir amy ana andrea andrew andrzej aneta angela anika anna anne
annie anthony anya archie arjun arthur asha ashley aurora ava ayaan ayesha aylin
barbara beatrice becky ben benjamin beth bethany billy bilal bogdan bradley brandon
brian callum cameron carl carla carol caroline catherine charlie charlotte chelsea
chloe chris christine christopher claire clara colin connor courtney craig daisy
dale damian daniel daniela danielle darren david dawid dean debbie debra debs declan
denise dennis derek diane dominic donna dorota dylan edward eleanor elena elif eliza
elizabeth ella ellie elliot elsie emily emma eric erin ethan eva evie ewa faisal
farah fatima fatuma finley florin florence francesca freddie freya gabriel gareth
gary gavin george georgia gemma gina graham hadiza halima hamza hannah harjit harley
harper harpreet harriet harrison harry harvey hassan hayley heather helen henry holly
hussein ian ibrahim imran isaac isabel isabella isabelle isla ismail ivy jacob jade
jake james jamie jan jane janet jasmine jason jayden jennifer jenny jessica jo joanna
joe joel john jonathan jordan joseph josh joshua julia julie justyna kacper kai
kamal karen karim kasia katarzyna kate katie kayla kayleigh keith kelly kerry kevin
khadija kieran kim kirsty kyle laila lauren layla leah leila leo leon lewis liam
lily linda lisa logan lola louis louise luca lucas lucy luke lydia madison maisie
maja malik mandy manpreet margaret maria marie marta martin mary maryam mason matthew
maya megan melissa mia michael michelle mihai mila millie mohamed mohammad mohammed
molly muhammad mustafa nadia naomi natalia natasha nathan navdeep neil niamh nicola
nicole nikita nina noah nora nur oliver olivia oliwia omar oscar owen paul paula
pauline pawel peter phoebe piotr poppy priya rachel rahul rajesh ravi rebecca reece
rhys richard riley robert roberto robyn rosie ross ruby ryan sadia safiya sahra
sam samantha samir samuel sandeep sandra sara sarah scarlett scott sean shabnam
shannon sharon shauna shazia shirley sienna simon simran sofia sophia sophie stacey
stefan stephanie stephen steven stuart sukhdeep summer susan tanya teresa theo
thomas tina toby tom tommy tony tracey tyler valentina vanessa victoria vikram
wayne wiktoria william willow yasmin yusuf zack zain zainab zara zoe zofia zuzanna
amal bushra deeqa farhan hodan hibo ilhan khalid liban nasra sagal yasin yousef
""".split()
)

#: Names that are also ordinary words: redacted only with a cue or a capital letter
#: that is not at the start of a sentence.
AMBIGUOUS_NAMES = frozenset(
    """
will mark rose grace hope joy faith amber april may june bill jack frank dawn pat sue
ray art max dot summer sky rich star autumn penny patience precious angel
""".split()
)
