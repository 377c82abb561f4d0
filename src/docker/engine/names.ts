import type { Random } from './random';
import type { Engine } from './engine';
import { ApiError } from '../api';
import { byName } from './links';

// A subset of moby's pkg/namesgenerator lists (adjectives; notable scientists and hackers).
const LEFT = ('admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy ' +
  'charming clever compassionate competent condescending confident cool cranky crazy dazzling determined ' +
  'distracted dreamy eager ecstatic elastic elated elegant eloquent epic exciting fervent festive flamboyant ' +
  'focused friendly frosty funny gallant gifted goofy gracious great happy hardcore heuristic hopeful hungry ' +
  'infallible inspiring intelligent interesting jolly jovial keen kind laughing loving lucid magical modest ' +
  'musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive ' +
  'practical priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp silly sleepy ' +
  'stoic strange stupefied suspicious sweet tender thirsty trusting unruffled upbeat vibrant vigilant ' +
  'vigorous wizardly wonderful xenodochial youthful zealous zen').split(' ');
const RIGHT = ('agnesi albattani allen almeida antonelli archimedes ardinghelli aryabhata austin babbage banach ' +
  'banzai bardeen bartik bassi beaver bell benz bhabha bhaskara black blackburn blackwell bohr booth borg bose ' +
  'bouman boyd brahmagupta brattain brown buck burnell cannon carson cartwright cerf chandrasekhar chaplygin ' +
  'chatelet chatterjee chaum chebyshev clarke cohen colden cori cray curie curran darwin davinci dewdney ' +
  'dhawan diffie dijkstra dirac driscoll dubinsky easley edison einstein elbakyan elgamal elion ellis ' +
  'engelbart euclid euler faraday feistel fermat fermi feynman franklin gagarin galileo galois ganguly gates ' +
  'gauss germain goldberg goldstine goldwasser golick goodall gould greider grothendieck haibt hamilton ' +
  'hawking heisenberg hellman hermann herschel hertz heyrovsky hodgkin hofstadter hoover hopper hugle hypatia ' +
  'ishizaka jackson jang jemison jennings jepsen johnson joliot jones kalam kapitsa kare keldysh keller ' +
  'kepler khayyam khorana kilby kirch knuth kowalevski lalande lamarr lamport leakey leavitt lederberg ' +
  'lehmann lewin lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer mccarthy ' +
  'mcclintock mclaren mclean mcnulty meitner mendel mendeleev merkle mestorf mirzakhani montalcini moore ' +
  'morse moser murdock napier nash neumann newton nightingale nobel noether northcutt noyce panini pare ' +
  'pascal pasteur payne perlman pike poincare poitras proskuriakova ptolemy raman ramanujan rhodes ride ' +
  'ritchie robinson roentgen rosalind rubin saha sammet sanderson satoshi shamir shannon shaw shirley ' +
  'shockley shtern sinoussi snyder solomon spence stonebraker sutherland swanson swartz swirles taussig ' +
  'tesla tharp thompson torvalds tu turing varahamihira vaughan villani visvesvaraya volhard wescoff wiles ' +
  'williams williamson wilson wing wozniak wright wu yalow yonath zhukovsky').split(' ');

/** `GetRandomName(retry)`: `adjective_surname`, a digit appended on retries; never boring_wozniak. */
export function randomName(rng: Random, retry: number): string {
  for (;;) {
    const name = LEFT[rng.int(LEFT.length)] + '_' + RIGHT[rng.int(RIGHT.length)];
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? name + rng.int(10) : name;
  }
}

/** The daemon's rule for `--name`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`. */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** reserveName's refusals (`prefix` before them): a name outside VALID_NAME, or one a container holds (`/name`). */
export function checkName(e: Engine, name: string, prefix = ''): void {
  if (!VALID_NAME.test(name)) throw new ApiError(400, `${prefix}Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const path = '/' + name.replace(/^\//, '');
  const holder = byName(e, path);
  if (holder) throw new ApiError(409, `${prefix}Conflict. The container name "${path}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
}
